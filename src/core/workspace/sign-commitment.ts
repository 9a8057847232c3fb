// Signing a commitment that was recorded unsigned: the vault had no usable own key when the
// patches went out (a fresh vault, an expired key), and the Fix Lead adds one afterwards. The
// deliveries are not touched: what distributors were given, and when, stays exactly as recorded;
// the document names its signer and the signature carries the time it was made.
import { EmbargoError } from '../../shared/errors.ts';
import { prepareSigner, signDetachedWith } from '../keyring/detached.ts';
import type { CoreSession } from '../session.ts';
import type { CaseWorkspace } from './case-workspace.ts';
import { commitmentBytes, parseCommitment, type CommitmentDocument } from './commitment.ts';

export async function signRecordedCommitment(session: CoreSession, ws: CaseWorkspace): Promise<{ document: CommitmentDocument; signed: true }> {
  const state = ws.state.commitment;
  if (!state) throw new EmbargoError('NotFound', `${ws.caseId} has no embargo commitment yet: it is recorded when the patches go to distributors encrypted.`, { what: 'commitment', id: ws.caseId });
  if (state.signature !== null) throw new EmbargoError('Conflict', `The commitment of ${ws.caseId} is already signed.`, { caseId: ws.caseId });
  const { signer, now } = await prepareSigner(session); // NoSecretKey when there is still no usable own key
  const document: CommitmentDocument = { ...parseCommitment(state), signer: signer.fingerprint.toUpperCase() };
  const bytes = commitmentBytes(document);
  const signature = await signDetachedWith(signer, Buffer.from(bytes, 'utf8'), now);
  ws.state.commitment = { document: bytes, signature };
  await ws.save();
  return { document, signed: true };
}
