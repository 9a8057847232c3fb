// The compare screen: the whole fingerprint, large, in groups of four, to be read against the
// one its owner gives over another channel (in person, a call, a signed mail from a key already
// verified). Confirming marks this one key verified; nothing is ever trusted implicitly, and
// there is no "always trust".
import { useState, type ReactElement } from 'react';
import type { KeyInfo } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/Notice.tsx';
import { fingerprintGroups, splitUserId } from './key-format.ts';
import { useAction } from './use-action.ts';

export function VerifyFingerprintDialog({ keyInfo, onClose }: { keyInfo: KeyInfo; onClose(): void }): ReactElement {
  const action = useAction();
  const [compared, setCompared] = useState(false);
  const who = splitUserId(keyInfo.primaryUserId);
  const groups = fingerprintGroups(keyInfo.fingerprint);
  const half = Math.ceil(groups.length / 2);

  async function confirm(): Promise<void> {
    const verified = await action.run(() => call('keyring.verify', { fingerprint: keyInfo.fingerprint }));
    if (verified) onClose();
  }

  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title="Compare the fingerprint"
      description={`Ask ${who.name} for their key's fingerprint over a channel you already trust, and compare every group.`}
    >
      <div className="dialog-body dialog-body--wide verify">
        <div className="verify__owner">
          <span className="verify__label">Key of</span>
          <strong>{keyInfo.primaryUserId ?? who.name}</strong>
          <span className="mono faint">{keyInfo.algorithm.label}</span>
        </div>
        <div className="verify__fingerprint" aria-label={`Fingerprint ${groups.join(' ')}`} role="group">
          {[groups.slice(0, half), groups.slice(half)].map((line, row) => (
            <div className="verify__row" key={row}>
              {line.map((group, index) => (
                <span className="verify__group" key={index}>
                  {group}
                </span>
              ))}
            </div>
          ))}
        </div>
        <ul className="verify__advice">
          <li>Get the fingerprint from its owner in person, on a call where you know their voice, or in a mail signed by a key you verified before.</li>
          <li>Not from this key, its email, a web page or a keyserver: an attacker controls those as easily as the key.</li>
          <li>Compare all {groups.length} groups. Matching only the last digits proves nothing.</li>
        </ul>
        <label className="checkbox verify__confirm">
          <input type="checkbox" checked={compared} onChange={(event) => setCompared(event.target.checked)} data-autofocus />
          <span>I compared every group with the fingerprint {who.name} gave me, and they are the same.</span>
        </label>
        {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
        <p className="field__hint">This verifies this one key. If the fingerprints differ, cancel: do not use the key, and tell the PST.</p>
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose} disabled={action.busy}>
            Cancel
          </button>
          <button type="button" className="button button--primary" onClick={() => void confirm()} disabled={!compared || action.busy}>
            {action.busy ? 'Saving…' : 'They match: mark verified'}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
