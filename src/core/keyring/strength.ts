// Which keys are too weak to encrypt to. The policy is ours, not openpgp.js's, so that weak
// keys can still be imported and shown with the reason: RSA under 2048 bits, any DSA key
// (1024-bit DSA with SHA-1 is forgeable in practice and GnuPG pairs DSA with ElGamal; a DSA
// primary signs the binding of the encryption subkey), ElGamal under 2048 bits.
import type { AlgorithmInfo, Key, Subkey } from 'openpgp';
import type { KeyAlgorithm } from '../../shared/contract/keyring.ts';

export const MIN_RSA_BITS = 2048;
export const MIN_ELGAMAL_BITS = 2048;

const CURVE_LABELS: Record<string, string> = {
  ed25519Legacy: 'ed25519',
  curve25519Legacy: 'cv25519',
  nistP256: 'nistp256',
  nistP384: 'nistp384',
  nistP521: 'nistp521',
  secp256k1: 'secp256k1',
  brainpoolP256r1: 'brainpoolP256r1',
  brainpoolP384r1: 'brainpoolP384r1',
  brainpoolP512r1: 'brainpoolP512r1',
};

/** openpgp.js's algorithm info in the words GnuPG users know. */
export function describeAlgorithm(info: AlgorithmInfo): KeyAlgorithm {
  const bits = info.bits ?? null;
  const curve = info.curve ?? null;
  const algorithm = String(info.algorithm);
  if (algorithm.startsWith('rsa')) return { name: 'rsa', bits, curve, label: `rsa${bits ?? ''}` };
  if (algorithm === 'dsa') return { name: 'dsa', bits, curve, label: `dsa${bits ?? ''}` };
  if (algorithm === 'elgamal') return { name: 'elgamal', bits, curve, label: `elg${bits ?? ''}` };
  if (algorithm === 'eddsaLegacy' || algorithm === 'ed25519') return { name: 'ed25519', bits, curve, label: 'ed25519' };
  if (algorithm === 'x25519') return { name: 'x25519', bits, curve, label: 'cv25519' };
  if (algorithm === 'ed448' || algorithm === 'x448') return { name: algorithm, bits, curve, label: algorithm };
  if (algorithm === 'ecdh' && curve === 'curve25519Legacy') return { name: 'cv25519', bits, curve, label: 'cv25519' };
  const curveLabel = curve ? (CURVE_LABELS[curve] ?? curve) : '';
  return { name: algorithm, bits, curve, label: curveLabel ? `${algorithm}-${curveLabel}` : algorithm };
}

/** Why one key packet is too weak, or null. */
export function algorithmWeakness(algorithm: KeyAlgorithm): string | null {
  if (algorithm.name === 'rsa' && (algorithm.bits ?? 0) < MIN_RSA_BITS) return `RSA key of ${algorithm.bits} bits (under ${MIN_RSA_BITS})`;
  if (algorithm.name === 'dsa') return `DSA key (${algorithm.bits} bits): DSA is no longer considered safe`;
  if (algorithm.name === 'elgamal' && (algorithm.bits ?? 0) < MIN_ELGAMAL_BITS) {
    return `ElGamal key of ${algorithm.bits} bits (under ${MIN_ELGAMAL_BITS})`;
  }
  return null;
}

/** Why we will not encrypt to this key: its primary key, or the subkey a message would use. */
export function keyWeakness(key: Key, encryptionKey: Key | Subkey | null): string | null {
  const primary = algorithmWeakness(describeAlgorithm(key.getAlgorithmInfo()));
  if (primary) return `primary ${primary}`;
  if (encryptionKey && encryptionKey !== key) {
    const sub = algorithmWeakness(describeAlgorithm(encryptionKey.getAlgorithmInfo()));
    if (sub) return `encryption subkey ${sub}`;
  }
  return null;
}
