// The export fields of a case, grouped the way an advisory reads: what it is, what it does,
// which versions, where to read more and who to thank, and what to do about it.
import type { ReactElement, ReactNode } from 'react';
import type { AdvisoryDraft, DraftCheck } from './advisory-draft.ts';
import { TextField } from './fields.tsx';
import { AffectedEditor, CreditEditor, CweEditor, FixedEditor, ReferenceEditor } from './ListEditors.tsx';

interface FormProps {
  draft: AdvisoryDraft;
  onChange<K extends keyof AdvisoryDraft>(field: K, value: AdvisoryDraft[K]): void;
  check: DraftCheck;
  vendor: string;
}

function Section({ title, id, description, children }: { title: string; id: string; description?: string; children: ReactNode }): ReactElement {
  return (
    <section className="panel advisory-section" aria-labelledby={id}>
      <div className="advisory-section__header">
        <h3 className="advisory-section__title" id={id}>
          {title}
        </h3>
        {description ? <p className="advisory-section__description">{description}</p> : null}
      </div>
      <div className="advisory-section__body">{children}</div>
    </section>
  );
}

export function AdvisoryForm({ draft, onChange, check, vendor }: FormProps): ReactElement {
  const products = [...new Set(draft.affected.map((a) => a.product.trim()).filter((p) => p !== ''))];
  return (
    <div className="advisory-form">
      <Section title="Identification" id="advisory-identification">
        <div className="advisory-pair">
          <TextField
            id="advisory-cve"
            label="CVE ID"
            value={draft.cve}
            onChange={(value) => onChange('cve', value)}
            placeholder="CVE-2026-12345"
            mono
            error={check.errors.cve}
            hint="It keys the CVE and OSV records and the issue."
          />
          <TextField
            id="advisory-tracking-issue"
            label="Tracking issue URL"
            value={draft.trackingIssue}
            onChange={(value) => onChange('trackingIssue', value)}
            placeholder="https://github.com/kubernetes/kubernetes/issues/…"
            error={check.errors.trackingIssue}
            hint="The public issue, referenced as issue-tracking."
          />
        </div>
        <TextField
          id="advisory-summary"
          label="Summary"
          value={draft.summary}
          onChange={(value) => onChange('summary', value)}
          placeholder="e.g. Kubelet follows symlinks in subPath volume mounts"
          error={check.errors.summary}
          hint="One line: the title of the CVE record and the tracking issue."
        />
      </Section>

      <Section title="Description and weakness" id="advisory-description-section">
        <TextField
          id="advisory-description"
          label="Description"
          value={draft.description}
          onChange={(value) => onChange('description', value)}
          multiline
          rows={5}
          error={check.errors.description}
          hint={
            <>
              Starting in lower case, it completes the CNA sentence “The {vendor} <em>component</em> component in versions <em>…</em>”; a
              description that starts “The {vendor} …” is used as it is.
            </>
          }
        />
        <CweEditor values={draft.cwe} onChange={(values) => onChange('cwe', values)} />
      </Section>

      <Section title="Affected versions" id="advisory-affected-label" description="Each product once per range; an open range (no upper bound) is still unfixed.">
        <AffectedEditor rows={draft.affected} onChange={(rows) => onChange('affected', rows)} check={check} />
        <h4 className="advisory-subheading" id="advisory-fixed-label">
          Fixed versions
        </h4>
        <FixedEditor rows={draft.fixed} onChange={(rows) => onChange('fixed', rows)} check={check} products={products} />
      </Section>

      <Section title="References" id="advisory-references-label" description="Tags use the CVE schema's names; OSV and CSAF map them.">
        <ReferenceEditor rows={draft.references} onChange={(rows) => onChange('references', rows)} check={check} />
      </Section>

      <Section title="Credits" id="advisory-credits-label">
        <CreditEditor rows={draft.credits} onChange={(rows) => onChange('credits', rows)} check={check} />
      </Section>

      <Section title="Remediation" id="advisory-remediation">
        <TextField
          id="advisory-workarounds"
          label="Workarounds"
          value={draft.workarounds}
          onChange={(value) => onChange('workarounds', value)}
          multiline
          rows={3}
          error={check.errors.workarounds}
          hint="What users can do before they upgrade."
        />
        <TextField
          id="advisory-mitigations"
          label="Mitigations"
          value={draft.mitigations}
          onChange={(value) => onChange('mitigations', value)}
          multiline
          rows={3}
          error={check.errors.mitigations}
        />
        <TextField
          id="advisory-detection"
          label="Detection"
          value={draft.detection}
          onChange={(value) => onChange('detection', value)}
          multiline
          rows={3}
          error={check.errors.detection}
          hint="How to tell whether the vulnerability was exploited; goes into the tracking issue."
        />
      </Section>
    </div>
  );
}
