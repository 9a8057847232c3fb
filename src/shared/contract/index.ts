// The contract: every method the UI, the loopback transport and the CLI may call.
import type { z } from 'zod';
import type { Result } from '../errors.ts';
import { vaultMethods, vaultMaintenanceMethods } from './vault.ts';
import { caseMethods } from './cases.ts';
import { processMethods } from './process.ts';
import { rosterMethods } from './roster.ts';
import { cvssMethods } from './cvss.ts';
import { advisoryMethods } from './advisory.ts';
import { workspaceMethods } from './workspace.ts';
import { workspaceRefreshMethods } from './workspace-refresh.ts';
import { keyringMethods } from './keyring.ts';
import { peopleMethods } from './people.ts';
import { distributorMethods } from './distributors.ts';
import { mailMethods } from './mail.ts';
import { mailImportMethods } from './mail-import.ts';
import { teamMethods } from './team.ts';
import { platformMethods } from './platform.ts';
import { cryptMethods } from './crypt.ts';
import { calendarMethods } from './calendar.ts';
import { cnaMethods } from './cna.ts';
import { commitmentMethods } from './commitment.ts';

export const contract = {
  ...vaultMethods,
  ...vaultMaintenanceMethods,
  ...caseMethods,
  ...processMethods,
  ...rosterMethods,
  ...cvssMethods,
  ...advisoryMethods,
  ...workspaceMethods,
  ...workspaceRefreshMethods,
  ...keyringMethods,
  ...peopleMethods,
  ...distributorMethods,
  ...mailMethods,
  ...mailImportMethods,
  ...teamMethods,
  ...platformMethods,
  ...cryptMethods,
  ...calendarMethods,
  ...cnaMethods,
  ...commitmentMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = z.output<Contract[M]['output']>;

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}

/** What the core implements: one handler per method, given parsed input. */
export type Handlers = {
  [M in MethodName]: (input: ParsedInputOf<M>) => Promise<OutputOf<M>>;
};

/** What every front end calls: one function, typed per method, never throwing. */
export interface ApiClient {
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<Result<OutputOf<M>>>;
}

export type Transport = (method: string, input: unknown) => Promise<Result<unknown>>;

export * from './common.ts';
export * from './mail-import.ts';
export * from './vault.ts';
export * from './cases.ts';
export * from './process.ts';
export * from './roster.ts';
export * from './cvss.ts';
export * from './advisory.ts';
export * from './workspace.ts';
export * from './workspace-refresh.ts';
export * from './keyring.ts';
export * from './people.ts';
export * from './distributors.ts';
export * from './mail.ts';
export * from './team.ts';
export * from './platform.ts';
export * from './crypt.ts';
export * from './commitment.ts';
export * from './calendar.ts';
export * from './cna.ts';
