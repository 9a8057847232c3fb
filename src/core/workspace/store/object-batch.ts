// Our encrypted object store: every operation's new git objects go into one batch, sealed as
// one vault blob with the case key. A batch is: per object, its 20-byte id, a type byte, a
// 4-byte length and the raw content. Reading a case loads its batches (the size of the fix).
import { EmbargoError } from '../../../shared/errors.ts';
import { hashObject, type GitObject, type ObjectType } from '../git/objects.ts';

const TYPES: ObjectType[] = ['commit', 'tree', 'blob', 'tag'];

export function encodeBatch(objects: Map<string, GitObject>): Buffer {
  const parts: Buffer[] = [];
  for (const [sha, object] of objects) {
    const head = Buffer.alloc(25);
    Buffer.from(sha, 'hex').copy(head, 0);
    head.writeUInt8(TYPES.indexOf(object.type), 20);
    head.writeUInt32BE(object.data.length, 21);
    parts.push(head, object.data);
  }
  return Buffer.concat(parts);
}

export function decodeBatch(bytes: Buffer, into: Map<string, GitObject>): void {
  let at = 0;
  while (at < bytes.length) {
    if (at + 25 > bytes.length) throw new EmbargoError('VaultCorrupt', 'A workspace object batch is truncated.', {});
    const sha = bytes.toString('hex', at, at + 20);
    const type = TYPES[bytes.readUInt8(at + 20)];
    const length = bytes.readUInt32BE(at + 21);
    const data = bytes.subarray(at + 25, at + 25 + length);
    if (!type || data.length !== length || hashObject(type, data) !== sha) {
      throw new EmbargoError('VaultCorrupt', `A workspace object batch holds a damaged object ${sha}.`, { sha });
    }
    into.set(sha, { type, data });
    at += 25 + length;
  }
}
