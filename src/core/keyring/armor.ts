// Armored or binary? Armor is ASCII; every binary OpenPGP packet starts with a tag byte whose
// high bit is set. Leading whitespace is skipped.
export function isArmored(bytes: Uint8Array): boolean {
  const first = bytes.find((byte) => byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d);
  return first !== undefined && (first & 0x80) === 0;
}
