import { z } from 'zod';
import { method } from './define.ts';
import { caseId, empty, ok, passphrase } from './common.ts';
import { timelineEvent } from './cases.ts';

export const kdfParameters = z.strictObject({
  algorithm: z.literal('argon2id'),
  memoryKiB: z.number().int(),
  iterations: z.number().int(),
  parallelism: z.number().int(),
});

export const appState = z.strictObject({
  vaultDir: z.string(),
  vaultExists: z.boolean(),
  unlocked: z.boolean(),
  idleLockMinutes: z.number(),
});

export const vaultStatus = z.strictObject({
  vault: z.string(),
  formatVersion: z.number().int(),
  schemaVersion: z.number().int(),
  kdf: kdfParameters,
  cases: z.number().int(),
  keys: z.number().int(),
  events: z.number().int(),
  createdAt: z.string(),
  idleLockMinutes: z.number(),
});

export const verifyProblem = z.strictObject({
  file: z.string(),
  code: z.string(),
  message: z.string(),
});

export const vaultMethods = {
  'app.state': method({
    summary: 'Where the vault is, whether it exists and whether it is unlocked.',
    input: empty,
    output: appState,
    allowWhenLocked: true,
    passive: true,
  }),
  'vault.create': method({
    summary: 'Create a vault protected by a passphrase; refuses an existing one.',
    input: z.strictObject({ passphrase: passphrase.min(8, 'use a passphrase of at least 8 characters') }),
    output: z.strictObject({ vault: z.string(), formatVersion: z.number().int() }),
    allowWhenLocked: true,
  }),
  'vault.unlock': method({
    summary: 'Unlock the vault with its passphrase.',
    input: z.strictObject({ passphrase }),
    output: ok,
    allowWhenLocked: true,
  }),
  'vault.lock': method({
    summary: 'Lock the vault: forget the keys and release the vault for other processes.',
    input: empty,
    output: ok,
    allowWhenLocked: true,
  }),
  'vault.status': method({
    summary: 'Format, KDF parameters and counts.',
    input: empty,
    output: vaultStatus,
  }),
  'vault.verify': method({
    summary: "Check every file's authentication and every timeline's hash chain.",
    input: empty,
    output: z.strictObject({ ok: z.boolean(), checkedFiles: z.number().int(), problems: z.array(verifyProblem) }),
  }),
  'vault.changePassphrase': method({
    summary: 'Rewrap the data key under a new passphrase (rewrites one small file).',
    input: z.strictObject({ current: passphrase, next: passphrase.min(8, 'use a passphrase of at least 8 characters') }),
    output: ok,
  }),
  'vault.setIdleLock': method({
    summary: 'Minutes of inactivity before the vault locks itself.',
    input: z.strictObject({ minutes: z.number().int().min(1).max(24 * 60) }),
    output: ok,
  }),
} as const;

export const backupSummary = z.strictObject({
  backupId: z.string(),
  createdAt: z.string(),
  files: z.number().int(),
  bytes: z.number().int(),
});

export const verifyReport = z.strictObject({ ok: z.boolean(), checkedFiles: z.number().int(), problems: z.array(verifyProblem) });

/** Backup, restore, the vault's own timeline and the secure removal of a case (src/core/vault/maintenance.ts). */
export const vaultMaintenanceMethods = {
  'vault.backup': method({
    summary: 'Write the whole vault as one encrypted file that restores with the passphrase.',
    input: z.strictObject({ output: z.string().min(1) }),
    output: backupSummary.extend({ output: z.string() }),
  }),
  'vault.restore': method({
    summary: 'Restore a backup into the (new, empty) vault directory, then verify it.',
    input: z.strictObject({ backup: z.string().min(1), passphrase }),
    output: backupSummary.extend({ vault: z.string(), verify: verifyReport }),
    allowWhenLocked: true,
  }),
  'vault.timeline': method({
    summary: "The vault's own hash-chained timeline: cases removed, backups written, restores.",
    input: empty,
    output: z.strictObject({ events: z.array(timelineEvent) }),
  }),
  'case.remove': method({
    summary: 'Securely remove a closed case: its key is dropped from the index (crypto-shredding) and its files deleted.',
    input: z.strictObject({ id: caseId, confirm: z.boolean().default(false) }),
    output: z.strictObject({ id: caseId, removed: z.literal(true), files: z.number().int(), event: timelineEvent }),
  }),
} as const;
