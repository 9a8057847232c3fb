// The zones deadlines are read in: UTC and local time always, plus any the user adds (e.g.
// America/Los_Angeles for "9 AM PT"). Added zones are remembered in this window, not the vault.
import { useId, useState, type FormEvent, type ReactElement } from 'react';
import { Icon } from '../../components/Icon.tsx';
import { MAX_EXTRA_ZONES, useZones } from './zone-store.ts';
import { canonicalZone, knownZones, localZoneName } from './zones.ts';

export function ZonePicker({ profileZones = [] }: { profileZones?: readonly string[] }): ReactElement {
  const extraZones = useZones((state) => state.extraZones);
  const zoneAdded = useZones((state) => state.zoneAdded);
  const zoneRemoved = useZones((state) => state.zoneRemoved);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const local = localZoneName();
  const fixed = [...new Set(['UTC', local, ...profileZones])].filter((zone) => !extraZones.includes(zone));

  function add(event: FormEvent): void {
    event.preventDefault();
    const zone = canonicalZone(text);
    if (!zone) {
      setError(`“${text.trim()}” is not a time zone this system knows: type an IANA name such as America/Los_Angeles.`);
      return;
    }
    if (zone === 'UTC' || zone === local || extraZones.includes(zone) || profileZones.includes(zone)) {
      setError(`${zone} is shown already.`);
      return;
    }
    if (extraZones.length >= MAX_EXTRA_ZONES) {
      setError(`At most ${MAX_EXTRA_ZONES} added zones: remove one first.`);
      return;
    }
    zoneAdded(zone);
    setText('');
    setError(null);
  }

  return (
    <div className="zone-picker">
      <span className="zone-picker__label" aria-hidden="true">
        Times in
      </span>
      <ul className="zone-picker__zones" aria-label="Time zones shown">
        {fixed.map((zone) => (
          <li key={zone} className="zone-chip">
            {zone}
            {zone === local && zone !== 'UTC' ? <span className="zone-chip__note">local</span> : null}
            {profileZones.includes(zone) && zone !== 'UTC' && zone !== local ? <span className="zone-chip__note">process</span> : null}
          </li>
        ))}
        {extraZones.map((zone) => (
          <li key={zone} className="zone-chip zone-chip--added">
            {zone}
            <button type="button" className="zone-chip__remove" onClick={() => zoneRemoved(zone)} aria-label={`Stop showing ${zone}`}>
              <Icon name="close" />
            </button>
          </li>
        ))}
      </ul>
      <form className="zone-picker__form" onSubmit={add}>
        <label className="visually-hidden" htmlFor={`${id}-zone`}>
          Add a time zone
        </label>
        <input
          id={`${id}-zone`}
          className="input input--small"
          list={`${id}-zones`}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setError(null);
          }}
          placeholder="Add a zone: America/Los_Angeles"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <datalist id={`${id}-zones`}>
          {knownZones().map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <button type="submit" className="button button--small" disabled={text.trim() === ''}>
          <Icon name="plus" /> Add zone
        </button>
      </form>
      {error ? (
        <p className="field__error zone-picker__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
