// The variables the draft still shows as ⟦missing: name⟧, read from the text being edited:
// for each, what it holds, where on the case it is filled (a link that opens that tab at that
// field; the unsaved text is kept meanwhile), the case's value when it has one by now (written
// in with one click), or a value typed here. And every variable the template uses, with the
// value it took, so the variables stay visible in a filled draft.
import { useState, type ReactElement } from 'react';
import { Icon } from '../../components/Icon.tsx';
import { useUi } from '../../app/store.ts';
import { isPlace, placeOf, type Place } from './mail-model.ts';

interface MissingPanelProps {
  missing: string[];
  descriptions: Record<string, string>;
  /** The case's value of every variable now (null: still unknown). */
  values: Record<string, string | null>;
  disabled: boolean;
  onShow(name: string): void;
  onFill(name: string, value: string): void;
  /** Writes in every missing variable the case has a value for now, in one edit. */
  onFillAll(entries: [name: string, value: string][]): void;
}

/** Opens a tab of the case page and focuses the field there once it is on screen. */
export function useGoToPlace(): (place: Place) => void {
  const selectTab = useUi((ui) => ui.caseTabSelected);
  return (place) => {
    selectTab(place.tab);
    if (!place.focus) return;
    const selector = place.focus;
    let frames = 0;
    const attempt = (): void => {
      const target = document.querySelector<HTMLElement>(selector);
      if (!target) {
        if (++frames < 120) requestAnimationFrame(attempt);
        return;
      }
      target.scrollIntoView({ block: 'center' });
      const focusable = target.matches('input, textarea, select, button')
        ? target
        : target.closest('section')?.querySelector<HTMLElement>('input, textarea, select, button');
      focusable?.focus({ preventScroll: true });
    };
    requestAnimationFrame(attempt);
  };
}

function preview(value: string): string {
  const line = value.replace(/\s+/g, ' ').trim();
  return line.length > 90 ? `${line.slice(0, 88)}…` : line;
}

export function MissingPanel({ missing, descriptions, values, disabled, onShow, onFill, onFillAll }: MissingPanelProps): ReactElement {
  const goTo = useGoToPlace();
  const fillable = missing.flatMap((name): [string, string][] => {
    const value = values[name];
    return value === null || value === undefined ? [] : [[name, value]];
  });
  return (
    <section className={`panel composer-side-panel composer-missing${missing.length > 0 ? ' has-missing' : ''}`} aria-labelledby="composer-missing-heading">
      <div className="composer-side-panel__header">
        <h2 className="panel__title" id="composer-missing-heading">
          {missing.length > 0 ? (
            <>
              <Icon name="alert" /> Missing {missing.length === 1 ? 'variable' : 'variables'} <span className="composer-missing__count">{missing.length}</span>
            </>
          ) : (
            <>
              <Icon name="check" /> Nothing missing
            </>
          )}
        </h2>
      </div>
      <div className="composer-side-panel__body">
        {missing.length === 0 ? (
          <p className="muted">Every variable has a value. Check the wording, then export.</p>
        ) : (
          <>
            <p className="field__hint">Marked in the text. The export refuses a draft that still has them.</p>
            {fillable.length > 0 ? (
              <div className="composer-missing__fill-all">
                <span>
                  The case has {fillable.length === missing.length ? (missing.length === 1 ? 'it' : `all ${missing.length}`) : `${fillable.length} of ${missing.length}`} now.
                </span>
                <button type="button" className="button button--small button--primary" onClick={() => onFillAll(fillable)} disabled={disabled}>
                  {fillable.length === 1 ? 'Write it in' : `Write all ${fillable.length} in`}
                </button>
              </div>
            ) : null}
            <ul className="composer-missing__list" aria-label="Missing variables">
              {missing.map((name) => (
                <MissingItem
                  key={name}
                  name={name}
                  description={descriptions[name] ?? 'Not a variable the composer knows: write the value in.'}
                  caseValue={values[name] ?? null}
                  disabled={disabled}
                  onShow={() => onShow(name)}
                  onFill={(value) => onFill(name, value)}
                  onGo={goTo}
                />
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}

function MissingItem({
  name,
  description,
  caseValue,
  disabled,
  onShow,
  onFill,
  onGo,
}: {
  name: string;
  description: string;
  caseValue: string | null;
  disabled: boolean;
  onShow(): void;
  onFill(value: string): void;
  onGo(place: Place): void;
}): ReactElement {
  const [writing, setWriting] = useState(false);
  const [value, setValue] = useState('');
  const where = placeOf(name);
  return (
    <li className="composer-missing__item" data-variable={name}>
      <div className="composer-missing__head">
        <button type="button" className="composer-missing__name" onClick={onShow} title="Show it in the text">
          {name}
        </button>
        <span className="composer-missing__description">{description}</span>
      </div>
      {caseValue !== null ? (
        <div className="composer-missing__value">
          <span>
            The case has it now: <span className="mono">{preview(caseValue)}</span>
          </span>
          <button type="button" className="button button--small" onClick={() => onFill(caseValue)} disabled={disabled}>
            Write it in
          </button>
        </div>
      ) : isPlace(where) ? (
        <button type="button" className="mail-link composer-missing__place" onClick={() => onGo(where)}>
          Fill it on the case: {where.label} <Icon name="chevronRight" />
        </button>
      ) : (
        <p className="composer-missing__advice">{where.advice}</p>
      )}
      {writing ? (
        <form
          className="composer-missing__write"
          onSubmit={(event) => {
            event.preventDefault();
            if (value.trim() === '') return;
            onFill(value);
            setWriting(false);
            setValue('');
          }}
        >
          <label className="visually-hidden" htmlFor={`composer-write-${name}`}>
            Value of {name}
          </label>
          <textarea id={`composer-write-${name}`} className="textarea input--mono" rows={2} value={value} onChange={(event) => setValue(event.target.value)} autoFocus />
          <div className="composer-chooser__actions">
            <button type="button" className="button button--small" onClick={() => setWriting(false)}>
              Cancel
            </button>
            <button type="submit" className="button button--small button--primary" disabled={disabled || value.trim() === ''}>
              Write in the draft
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="mail-link mail-link--quiet" onClick={() => setWriting(true)} disabled={disabled}>
          Or write a value for this draft only
        </button>
      )}
    </li>
  );
}

/** Every variable the template uses, with the value it takes from the case now. */
export function VariablesPanel({ variables, unknown, values, descriptions }: { variables: string[]; unknown: string[]; values: Record<string, string | null>; descriptions: Record<string, string> }): ReactElement {
  return (
    <section className="panel composer-side-panel" aria-labelledby="composer-variables-heading">
      <details className="composer-variables" open>
        <summary className="composer-side-panel__header">
          <h2 className="panel__title" id="composer-variables-heading">
            Template variables <span className="faint">{variables.length}</span>
          </h2>
        </summary>
        <dl className="composer-variables__list">
          {variables.map((name) => {
            const value = values[name] ?? null;
            const isUnknown = unknown.includes(name);
            return (
              <div key={name} className="composer-variables__row" title={descriptions[name] ?? undefined}>
                <dt className="mono">{`{{${name}}}`}</dt>
                <dd className={value === null ? 'is-missing' : undefined}>{isUnknown ? 'unknown to the composer' : value === null ? 'no value on the case' : preview(value)}</dd>
              </div>
            );
          })}
        </dl>
      </details>
    </section>
  );
}
