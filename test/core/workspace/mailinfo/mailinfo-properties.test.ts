// Random header and body mutations never crash the mail reader: a result or a coded error.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EmbargoError } from '../../../../src/shared/errors.ts';
import { parseMail, splitMbox } from '../../../../src/core/workspace/mbox.ts';

const TEMPLATE =
  'From 1234567890abcdef1234567890abcdef12345678 Mon Sep 17 00:00:00 2001\nFrom: "A (x) U" <a@example.com>\nDate: Thu, 13 Nov 2025 10:00:00 +0100\nSubject: =?UTF-8?Q?[PATCH]_caf=C3=A9?=\nContent-Type: multipart/mixed; boundary="B"\n\n--B\nContent-Type: text/plain; charset=ISO-8859-2\nContent-Transfer-Encoding: quoted-printable\n\nFrom: x <y@z>\n\nBody =B1.\n--B\nContent-Transfer-Encoding: base64\n\nLS0tCmRpZmYgLS1naXQgYS9mIGIvZgo=\n--B--\n';

describe('mail reader properties', () => {
  it('mutated mails give a result or a MboxInvalid error, never a crash', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 0, max: 40 }), fc.uint8Array({ maxLength: 30 }), (at, cut, junk) => {
        const i = at % TEMPLATE.length;
        const bytes = Buffer.concat([Buffer.from(TEMPLATE.slice(0, i), 'latin1'), Buffer.from(junk), Buffer.from(TEMPLATE.slice(i + cut), 'latin1')]);
        try {
          splitMbox(bytes).forEach((raw, n) => parseMail(raw, n, new Date(0)));
        } catch (error) {
          expect(error).toBeInstanceOf(EmbargoError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
