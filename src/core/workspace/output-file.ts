// Writing an export where the Fix Lead asked: streamed into a temporary file beside the
// target (mode 0600) and renamed into place, so a failure leaves nothing half-written.
import { closeSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

export function writeOutputFile(output: string, produce: (sink: (chunk: Buffer) => void) => void): void {
  const temp = join(dirname(output), `.${basename(output)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', 0o600);
  try {
    produce((chunk) => {
      writeSync(fd, chunk);
    });
    closeSync(fd);
    renameSync(temp, output);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    try {
      unlinkSync(temp);
    } catch {
      // nothing to remove
    }
    throw error;
  }
}
