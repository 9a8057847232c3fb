// The small marks every screen uses for a key: verified or not, the Fix Lead's own, and one
// icon per warning (revoked, expired, weak, no encryption key, expiring within 30 days), each
// named for screen readers and on hover.
import type { ReactElement } from 'react';
import type { KeyWarning, KeyWarningCode } from '../../../shared/contract/index.ts';
import { Icon, type IconName } from '../../components/Icon.tsx';
import { WARNING_LABELS, isBlocking, shortFingerprint, sortWarnings } from './key-format.ts';

export function VerifiedBadge({ verified }: { verified: boolean }): ReactElement {
  return verified ? (
    <span className="badge badge--verified" data-trust="verified">
      <Icon name="check" /> Verified
    </span>
  ) : (
    <span className="badge badge--unverified" data-trust="unverified">
      <Icon name="alert" /> Unverified
    </span>
  );
}

export function OwnKeyBadge(): ReactElement {
  return (
    <span className="badge badge--own">
      <Icon name="key" /> Your key
    </span>
  );
}

const WARNING_ICONS: Record<KeyWarningCode, IconName> = {
  revoked: 'close',
  expired: 'clock',
  invalid: 'alert',
  weak: 'alert',
  'no-encryption-key': 'lock',
  'expiring-soon': 'clock',
  unverified: 'eye',
};

/** One icon per warning, unverified left out (the trust badge says it). */
export function KeyWarningIcons({ warnings }: { warnings: KeyWarning[] }): ReactElement | null {
  const shown = sortWarnings(warnings).filter((warning) => warning.code !== 'unverified');
  if (shown.length === 0) return null;
  return (
    <ul className="key-warnings" aria-label="Warnings">
      {shown.map((warning) => (
        <li
          key={warning.code}
          className={`key-warning key-warning--${isBlocking(warning.code) ? 'blocking' : 'soon'}`}
          title={warning.message}
          data-warning={warning.code}
        >
          <Icon name={WARNING_ICONS[warning.code]} />
          <span>{WARNING_LABELS[warning.code]}</span>
        </li>
      ))}
    </ul>
  );
}

/** A fingerprint in its long-key-ID form, with the whole fingerprint on hover. */
export function ShortFingerprint({ fingerprint }: { fingerprint: string }): ReactElement {
  return (
    <span className="fingerprint-short" title={fingerprint}>
      {shortFingerprint(fingerprint)}
    </span>
  );
}

/**
 * Whether mail can be encrypted to one key now, and if not why: the line the people page, the
 * distributors page and the export dialogs show per key before anything is sent.
 */
export function ReceiveStatus({ ok, reason }: { ok: boolean; reason: string | null }): ReactElement {
  return ok ? (
    <span className="receive receive--ok">
      <Icon name="check" /> Can receive encrypted mail
    </span>
  ) : (
    <span className="receive receive--no">
      <Icon name="alert" /> {reason ?? 'Cannot receive encrypted mail'}
    </span>
  );
}
