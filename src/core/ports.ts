// What differs between the desktop app, the CLI and tests is passed in, never reached for:
// the clock and the random source. The file-system root is the vault directory itself.
import { randomBytes as nodeRandomBytes } from 'node:crypto';

export interface CorePorts {
  now(): Date;
  randomBytes(length: number): Uint8Array;
}

export const systemPorts: CorePorts = {
  now: () => new Date(),
  randomBytes: (length) => new Uint8Array(nodeRandomBytes(length)),
};
