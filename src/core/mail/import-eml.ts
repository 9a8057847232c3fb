// `mail.importEml`: a received mail (a distributor's answer) into a case's timeline. The mail is
// read and its PGP content decrypted and checked first (read-received.ts); only then is one
// event appended, so a bad file changes nothing. The timeline lives in the case's encrypted
// store: the decrypted text never reaches the disk in plaintext. The same file (by SHA-256) is
// not imported twice.
import { createHash } from 'node:crypto';
import type { ImportedMail } from '../../shared/contract/mail-import.ts';
import { EmbargoError } from '../../shared/errors.ts';
import { mutateCase, readCase } from '../cases/case-store.ts';
import type { CoreSession } from '../session.ts';
import { readReceivedMail } from './read-received.ts';
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { mailImportMethods } from '../../shared/contract/mail-import.ts';

export async function importEml(session: CoreSession, input: { caseId: string; eml: string; name: string }): Promise<ImportedMail> {
  const bytes = new Uint8Array(Buffer.from(input.eml, 'base64'));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const before = await readCase(session.cases(), input.caseId);
  const earlier = before.events.find((event) => event.type === 'mail.imported' && event.data.sha256 === sha256);
  if (earlier) throw new EmbargoError('Conflict', `This mail is already on ${input.caseId}'s timeline (event ${earlier.seq}).`, { seq: earlier.seq, sha256 });
  const mail = await readReceivedMail(session, bytes);
  const { appended } = await mutateCase(
    session.cases(),
    input.caseId,
    (fields) => fields,
    () => [
      {
        type: 'mail.imported',
        data: {
          name: input.name,
          sha256,
          ...mail,
          signatures: mail.signatures.map((signature) => ({ ...signature })),
          attachments: mail.attachments.map((attachment) => ({ ...attachment })),
        },
      },
    ],
  );
  return { caseId: input.caseId, eventSeq: appended[0]!.seq, sha256, ...mail };
}

// `mail.importEml`: Import a received mail (.eml) into a case: PGP content decrypted and verified with the
// keyring, recorded on the timeline.
export function importEmlHandler(session: CoreSession): HandlerOf<(typeof mailImportMethods)['mail.importEml']> {
  return async (input) => importEml(session, input);
}
