// The unlocked state of one core: the open vault (or none), the clock and random ports, and
// the per-key mutex. Handler groups receive this and nothing else.
import { VaultLockedError } from '../shared/errors.ts';
import type { CorePorts } from './ports.ts';
import type { Vault } from './vault/vault.ts';
import type { KeyedMutex } from './util/keyed-mutex.ts';
import type { CaseContext } from './cases/case-store.ts';

export interface CoreSession {
  readonly vaultDir: string;
  readonly ports: CorePorts;
  readonly mutex: KeyedMutex;
  /** The open vault; throws VaultLocked when there is none. */
  vault(): Vault;
  /** The context case operations need. */
  cases(): CaseContext;
}

export function requireOpen(vault: Vault | null): Vault {
  if (!vault || !vault.isOpen) throw new VaultLockedError();
  return vault;
}
