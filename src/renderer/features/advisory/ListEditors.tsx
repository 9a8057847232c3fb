// The list fields of the Advisory tab: CWE IDs, affected products with their semver ranges,
// fixed versions, references with CVE tags, and credits with their types. Each row's controls
// are labelled with the row's number, and each shows its own problem under it.
import { useState, type KeyboardEvent, type ReactElement, type ReactNode } from 'react';
import { cweId } from '../../../shared/contract/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { CREDIT_TYPES, REFERENCE_TAGS, type AdvisoryDraft, type CreditType, type DraftCheck } from './advisory-draft.ts';
import { FieldMessage } from './fields.tsx';

type Rows<K extends 'affected' | 'fixed' | 'references' | 'credits'> = AdvisoryDraft[K];

interface ListProps<T> {
  rows: T;
  onChange(rows: T): void;
  check: DraftCheck;
}

function replaceAt<T>(rows: readonly T[], index: number, row: T): T[] {
  return rows.map((current, i) => (i === index ? row : current));
}

function removeAt<T>(rows: readonly T[], index: number): T[] {
  return rows.filter((_, i) => i !== index);
}

function RemoveButton({ label, onClick }: { label: string; onClick(): void }): ReactElement {
  return (
    <button type="button" className="button button--ghost button--small advisory-row__remove" aria-label={label} title={label} onClick={onClick}>
      <Icon name="close" />
    </button>
  );
}

function AddButton({ children, onClick }: { children: ReactNode; onClick(): void }): ReactElement {
  return (
    <button type="button" className="button button--small advisory-list__add" onClick={onClick}>
      <Icon name="plus" />
      {children}
    </button>
  );
}

/** One input of a row, with its own message under it. */
function Cell(props: {
  path: string;
  label: string;
  value: string;
  onChange(value: string): void;
  check: DraftCheck;
  placeholder?: string;
  mono?: boolean;
  list?: string;
}): ReactElement {
  const id = `advisory-${props.path.replace(/\./g, '-')}`;
  const error = props.check.errors[props.path];
  const warning = props.check.warnings[props.path];
  return (
    <div className="advisory-row__cell">
      <input
        id={id}
        className={`input${props.mono ? ' input--mono' : ''}`}
        aria-label={props.label}
        value={props.value}
        placeholder={props.placeholder}
        list={props.list}
        onChange={(event) => props.onChange(event.target.value)}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error || warning ? `${id}-message` : undefined}
      />
      <FieldMessage id={`${id}-message`} error={error} warning={warning} />
    </div>
  );
}

export function CweEditor({ values, onChange }: { values: string[]; onChange(values: string[]): void }): ReactElement {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function add(): void {
    const raw = text.trim().toUpperCase();
    if (raw === '') return;
    const id = /^\d+$/.test(raw) ? `CWE-${raw}` : raw;
    if (!cweId.safeParse(id).success) return setProblem(`"${text.trim()}" is not a CWE ID; they look like CWE-22 (or just 22).`);
    if (values.includes(id)) return setProblem(`${id} is already listed.`);
    if (values.length >= 20) return setProblem('A case takes at most 20 CWE IDs.');
    onChange([...values, id]);
    setText('');
    setProblem(null);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'Enter') {
      event.preventDefault();
      add();
    }
  }

  return (
    <div className="field">
      <label className="field__label" htmlFor="advisory-cwe-input">
        CWE
      </label>
      {values.length > 0 ? (
        <ul className="advisory-chips" aria-label="CWE IDs">
          {values.map((id) => (
            <li key={id} className="advisory-chip">
              <span className="mono">{id}</span>
              <button type="button" className="advisory-chip__remove" aria-label={`Remove ${id}`} onClick={() => onChange(values.filter((v) => v !== id))}>
                <Icon name="close" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="advisory-inline">
        <input
          id="advisory-cwe-input"
          className="input input--mono"
          value={text}
          placeholder="e.g. CWE-22"
          onChange={(event) => {
            setText(event.target.value);
            setProblem(null);
          }}
          onKeyDown={onKeyDown}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={problem ? true : undefined}
          aria-describedby="advisory-cwe-message"
        />
        <button type="button" className="button" onClick={add} disabled={text.trim() === ''}>
          Add CWE
        </button>
      </div>
      <FieldMessage
        id="advisory-cwe-message"
        error={problem ?? undefined}
        hint="The weakness types, most specific first. The exports check each one against the CWE catalogue."
      />
    </div>
  );
}

export function AffectedEditor({ rows, onChange, check }: ListProps<Rows<'affected'>>): ReactElement {
  return (
    <div className="advisory-list" role="group" aria-labelledby="advisory-affected-label">
      <div className="advisory-list__head advisory-row--affected" aria-hidden="true">
        <span>Product</span>
        <span>Versions (semver range)</span>
      </div>
      {rows.map((row, index) => (
        <div className="advisory-row advisory-row--affected" key={index}>
          <Cell
            path={`affected.${index}.product`}
            label={`Affected product ${index + 1}`}
            value={row.product}
            placeholder="e.g. kubelet"
            check={check}
            onChange={(product) => onChange(replaceAt(rows, index, { ...row, product }))}
          />
          <Cell
            path={`affected.${index}.range`}
            label={`Affected range ${index + 1}`}
            value={row.range}
            placeholder="e.g. >=1.29.0 <1.29.4"
            mono
            check={check}
            onChange={(range) => onChange(replaceAt(rows, index, { ...row, range }))}
          />
          <RemoveButton label={`Remove affected product ${index + 1}`} onClick={() => onChange(removeAt(rows, index))} />
        </div>
      ))}
      <AddButton onClick={() => onChange([...rows, { product: rows.at(-1)?.product ?? '', range: '' }])}>Add an affected range</AddButton>
    </div>
  );
}

export function FixedEditor({ rows, onChange, check, products }: ListProps<Rows<'fixed'>> & { products: string[] }): ReactElement {
  return (
    <div className="advisory-list" role="group" aria-labelledby="advisory-fixed-label">
      <datalist id="advisory-affected-products">
        {products.map((product) => (
          <option key={product} value={product} />
        ))}
      </datalist>
      <div className="advisory-list__head advisory-row--fixed" aria-hidden="true">
        <span>Product</span>
        <span>Fixed in version</span>
      </div>
      {rows.map((row, index) => (
        <div className="advisory-row advisory-row--fixed" key={index}>
          <Cell
            path={`fixed.${index}.product`}
            label={`Fixed product ${index + 1}`}
            value={row.product}
            placeholder="e.g. kubelet"
            list="advisory-affected-products"
            check={check}
            onChange={(product) => onChange(replaceAt(rows, index, { ...row, product }))}
          />
          <Cell
            path={`fixed.${index}.version`}
            label={`Fixed version ${index + 1}`}
            value={row.version}
            placeholder="e.g. 1.29.4"
            mono
            check={check}
            onChange={(version) => onChange(replaceAt(rows, index, { ...row, version }))}
          />
          <RemoveButton label={`Remove fixed version ${index + 1}`} onClick={() => onChange(removeAt(rows, index))} />
        </div>
      ))}
      <AddButton onClick={() => onChange([...rows, { product: products[0] ?? '', version: '' }])}>Add a fixed version</AddButton>
    </div>
  );
}

export function ReferenceEditor({ rows, onChange, check }: ListProps<Rows<'references'>>): ReactElement {
  return (
    <div className="advisory-list" role="group" aria-labelledby="advisory-references-label">
      {rows.map((row, index) => {
        const free = REFERENCE_TAGS.filter((tag) => !row.tags.includes(tag));
        return (
          <div className="advisory-row advisory-row--reference" key={index}>
            <Cell
              path={`references.${index}.url`}
              label={`Reference URL ${index + 1}`}
              value={row.url}
              placeholder="https://…"
              check={check}
              onChange={(url) => onChange(replaceAt(rows, index, { ...row, url }))}
            />
            <RemoveButton label={`Remove reference ${index + 1}`} onClick={() => onChange(removeAt(rows, index))} />
            <div className="advisory-row__tags">
              <ul className="advisory-chips" aria-label={`Tags of reference ${index + 1}`}>
                {row.tags.map((tag) => (
                  <li key={tag} className="advisory-chip advisory-chip--tag">
                    {tag}
                    <button
                      type="button"
                      className="advisory-chip__remove"
                      aria-label={`Remove tag ${tag} from reference ${index + 1}`}
                      onClick={() => onChange(replaceAt(rows, index, { ...row, tags: row.tags.filter((t) => t !== tag) }))}
                    >
                      <Icon name="close" />
                    </button>
                  </li>
                ))}
              </ul>
              <select
                className="input advisory-input--small advisory-tag-select"
                aria-label={`Add a tag to reference ${index + 1}`}
                value=""
                onChange={(event) => {
                  const tag = event.target.value;
                  if (tag) onChange(replaceAt(rows, index, { ...row, tags: [...row.tags, tag] }));
                }}
                disabled={free.length === 0}
              >
                <option value="">{row.tags.length === 0 ? 'Add a tag…' : 'Add another tag…'}</option>
                {free.map((tag) => (
                  <option key={tag} value={tag}>
                    {tag}
                  </option>
                ))}
              </select>
            </div>
          </div>
        );
      })}
      <AddButton onClick={() => onChange([...rows, { url: '', tags: [] }])}>Add a reference</AddButton>
    </div>
  );
}

export function CreditEditor({ rows, onChange, check }: ListProps<Rows<'credits'>>): ReactElement {
  return (
    <div className="advisory-list" role="group" aria-labelledby="advisory-credits-label">
      {rows.map((row, index) => (
        <div className="advisory-row advisory-row--credit" key={index}>
          <Cell
            path={`credits.${index}.name`}
            label={`Credited name ${index + 1}`}
            value={row.name}
            placeholder="Name or handle"
            check={check}
            onChange={(name) => onChange(replaceAt(rows, index, { ...row, name }))}
          />
          <select
            className="input advisory-row__select"
            aria-label={`Credit type ${index + 1}`}
            value={row.type}
            onChange={(event) => onChange(replaceAt(rows, index, { ...row, type: event.target.value as CreditType }))}
          >
            {CREDIT_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
          <RemoveButton label={`Remove credit ${index + 1}`} onClick={() => onChange(removeAt(rows, index))} />
        </div>
      ))}
      <AddButton onClick={() => onChange([...rows, { name: '', type: 'finder' }])}>Add a credit</AddButton>
    </div>
  );
}
