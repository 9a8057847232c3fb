// A choice among verified keys of the keyring, named by their primary user ID and fingerprint:
// the member to add on the Team page, the member who added you when joining.
import type { ReactElement } from 'react';
import type { KeyInfo } from '../../../shared/contract/index.ts';
import { splitUserId } from '../keyring/key-format.ts';

export function VerifiedKeySelect(props: {
  id: string;
  keys: KeyInfo[];
  value: string;
  onChange: (fingerprint: string) => void;
  disabled: boolean;
  /** The first option's text: what to choose, or why there is nothing to choose. */
  placeholder: string;
}): ReactElement {
  return (
    <select id={props.id} className="input" value={props.value} onChange={(event) => props.onChange(event.target.value)} disabled={props.disabled}>
      <option value="">{props.placeholder}</option>
      {props.keys.map((key) => (
        <option key={key.fingerprint} value={key.fingerprint}>
          {splitUserId(key.primaryUserId).name} ({key.fingerprintGroups})
        </option>
      ))}
    </select>
  );
}
