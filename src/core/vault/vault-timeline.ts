// The vault's own timeline, kept in the index: what happened to the vault rather than to one
// case (a case removed, a backup written, the vault restored). It is hash-chained like a case
// timeline, from a genesis bound to the vault's id, and `vault verify` checks the chain.
import type { TimelineEvent } from '../../shared/contract/index.ts';
import { chainEvent, verifyChain, type ChainProblem } from '../timeline/chain.ts';
import type { IndexDocument } from './documents.ts';

export type VaultEventType = 'case.removed' | 'vault.backed-up' | 'vault.restored';

/** The id the chain's genesis is bound to (a case id for a case timeline). */
export function vaultChainId(index: Pick<IndexDocument, 'vaultId'>): string {
  return `vault:${index.vaultId}`;
}

export function withVaultEvent(
  index: IndexDocument,
  event: { at: string; actor: string; type: VaultEventType; data: Record<string, unknown> },
): { index: IndexDocument; event: TimelineEvent } {
  const chained = chainEvent(vaultChainId(index), index.events, event);
  return { index: { ...index, events: [...index.events, chained] }, event: chained };
}

export function verifyVaultChain(index: IndexDocument): ChainProblem[] {
  return verifyChain(vaultChainId(index), index.events);
}
