// The keyring's coded errors. openpgp.js throws plain Errors with English messages; we turn
// every one of them into one of these at the boundary, so callers branch on codes.
import { EmbargoError } from '../../shared/errors.ts';

function detailOf(cause: unknown): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  // openpgp prefixes nested failures ("Error decrypting message: Error reading …"); keep it short.
  return message.replace(/\s+/g, ' ').slice(0, 300);
}

export class InvalidKeyError extends EmbargoError {
  constructor(reason: string, cause?: unknown) {
    super('InvalidKey', `The key data cannot be read: ${reason}${cause === undefined ? '' : ` (${detailOf(cause)})`}. Nothing was imported.`, {
      reason,
    });
  }
}

export class InvalidMessageError extends EmbargoError {
  constructor(what: 'message' | 'signature', cause?: unknown) {
    super('InvalidMessage', `This is not a readable OpenPGP ${what}${cause === undefined ? '' : ` (${detailOf(cause)})`}.`, { what });
  }
}

export class KeyNotFoundError extends EmbargoError {
  constructor(fingerprint: string) {
    super('NotFound', `No key with fingerprint ${fingerprint} in the keyring; import it first.`, { what: 'key', id: fingerprint });
  }
}

export class WeakKeyError extends EmbargoError {
  constructor(fingerprint: string, reason: string) {
    super('WeakKey', `Refusing to encrypt to ${fingerprint}: ${reason}.`, { fingerprint, reason });
  }
}

export class KeyUnusableError extends EmbargoError {
  constructor(fingerprint: string, reason: string) {
    super('KeyUnusable', `The key ${fingerprint} cannot be used: ${reason}.`, { fingerprint, reason });
  }
}

export class KeyNotVerifiedError extends EmbargoError {
  constructor(fingerprints: string[]) {
    super(
      'KeyNotVerified',
      `Not verified: ${fingerprints.join(', ')}. Compare the fingerprint with its owner and run "embargo keyring verify FPR" (or allow unverified recipients explicitly).`,
      { fingerprints },
    );
  }
}

export class NoSecretKeyError extends EmbargoError {
  constructor(message: string, data: Record<string, unknown> = {}) {
    super('NoSecretKey', message, data);
  }
}

export class DecryptionFailedError extends EmbargoError {
  constructor(cause: unknown) {
    super('DecryptionFailed', `Decryption failed: the message is damaged or was altered (${detailOf(cause)}). No plaintext was kept.`, {});
  }
}

export class BadSignatureError extends EmbargoError {
  constructor(fingerprints: string[], data: Record<string, unknown> = {}) {
    super('BadSignature', `A signature does not verify (${fingerprints.join(', ') || 'unknown signer'}): the content was altered or forged.`, {
      fingerprints,
      ...data,
    });
  }
}

export class KeyPassphraseRequiredError extends EmbargoError {
  constructor(fingerprint: string) {
    super('KeyPassphraseRequired', `The secret key ${fingerprint} is protected by a passphrase: give its passphrase to import it.`, {
      fingerprint,
    });
  }
}

export class WrongKeyPassphraseError extends EmbargoError {
  constructor(fingerprint: string) {
    super('WrongKeyPassphrase', `The passphrase does not unlock the secret key ${fingerprint}. Nothing was imported.`, { fingerprint });
  }
}

export class ConfirmationRequiredError extends EmbargoError {
  constructor(what: string) {
    super('ConfirmationRequired', `${what} needs an explicit confirmation.`, { what });
  }
}
