// The case's CVE area, beside the exports on the Advisory tab: the CVE ID (assigned from the
// vault's pool of reserved IDs), the second review (another PST member signs the record's
// canonical JSON; a change after signing voids it), what to run with cvelib once it is ready,
// and importing a published CVE JSON 5 record into this case.
import { useEffect, useState, type ChangeEvent, type ReactElement } from 'react';
import type { CaseRecord, CveStatus } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { canDownload, saveAsDownload } from '../../lib/download.ts';
import { Notice } from '../../components/Notice.tsx';
import { useUi } from '../../app/store.ts';
import './cve-panel.css';

const REVIEW_WORDS: Record<CveStatus['review'], string> = {
  none: 'Not reviewed',
  requested: 'Waiting for the signature',
  valid: 'Reviewed',
  stale: 'Changed after review',
};

export function CvePanel({ caseRecord }: { caseRecord: CaseRecord }): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const dataChanged = useUi((ui) => ui.dataChanged);
  const [status, setStatus] = useState<CveStatus | null>(null);
  const [unused, setUnused] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [signature, setSignature] = useState('');
  const [busy, setBusy] = useState(false);
  const year = new Date().getUTCFullYear();

  useEffect(() => {
    let live = true;
    void Promise.all([call('cve.status', { id: caseRecord.id }), call('cve.poolList', { year, unused: true })]).then(([s, pool]) => {
      if (!live) return;
      if (s.ok) setStatus(s.value);
      setUnused(pool.ok ? pool.value.length : null);
    });
    return () => {
      live = false;
    };
  }, [caseRecord.id, caseRecord.updatedAt, revision, year]);

  async function act(run: () => Promise<{ ok: true; message?: string } | { ok: false; message: string }>): Promise<void> {
    if (busy) return;
    setBusy(true);
    setError(null);
    setInfo(null);
    const outcome = await run();
    setBusy(false);
    if (!outcome.ok) setError(outcome.message);
    else {
      if (outcome.message) setInfo(outcome.message);
      dataChanged();
    }
  }

  const assign = () =>
    act(async () => {
      const result = await call('cve.assign', { id: caseRecord.id });
      return result.ok ? { ok: true, message: `${result.value.cve ?? ''} is now this case's CVE ID.` } : { ok: false, message: result.error.message };
    });

  const requestReview = () =>
    act(async () => {
      const result = await call('cve.reviewText', { id: caseRecord.id });
      if (!result.ok) return { ok: false, message: result.error.message };
      const name = `${caseRecord.cve ?? caseRecord.id}.json`;
      if (canDownload()) saveAsDownload(name, result.value.text, 'application/json');
      return { ok: true, message: `Review text made (SHA-256 ${result.value.sha256.slice(0, 16)}…). The reviewer signs it with: gpg --armor --detach-sign ${name}` };
    });

  const submitSignature = (own: boolean) =>
    act(async () => {
      const result = await call('cve.review', { id: caseRecord.id, ...(own ? {} : { signature }) });
      if (!result.ok) return { ok: false, message: result.error.message };
      setSignature('');
      return { ok: true, message: `Reviewed by ${String(result.value.data.name)}.` };
    });

  async function importFile(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const text = await file.text();
    await act(async () => {
      const result = await call('cve.import', { id: caseRecord.id, text });
      return result.ok ? { ok: true, message: `Filled from ${result.value.record.cve ?? ''}: ${result.value.filled.join(', ')}.` } : { ok: false, message: result.error.message };
    });
  }

  return (
    <section className="panel cve-panel" aria-labelledby="cve-panel-title">
      <h3 className="advisory-section__title" id="cve-panel-title">
        CVE
      </h3>
      <dl className="cve-panel__facts">
        <dt>CVE ID</dt>
        <dd>
          {caseRecord.cve ?? (
            <>
              <span className="muted">None yet</span>{' '}
              <button type="button" className="button button--small" onClick={() => void assign()} disabled={busy || unused === 0}>
                Assign from pool
              </button>
            </>
          )}
        </dd>
        {caseRecord.cve === null ? (
          <>
            <dt>Pool {year}</dt>
            <dd>{unused === null ? '…' : unused === 0 ? 'no unused ID (add some: embargo cve pool add)' : `${unused} unused`}</dd>
          </>
        ) : null}
        <dt>Second review</dt>
        <dd data-review={status?.review}>
          {status ? REVIEW_WORDS[status.review] : '…'}
          {status?.reviewer ? ` by ${status.reviewer.name}` : ''}
        </dd>
      </dl>
      {status && status.problems.length > 0 ? (
        <ul className="cve-panel__problems" aria-label="Why the CVE record is not ready">
          {status.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      {status?.ready ? (
        <div className="cve-panel__ready" role="status">
          <strong>Ready to publish.</strong> Write the package, then run it on a connected machine:
          <pre>{`embargo cve bundle ${caseRecord.id} --dir DIR\ncd DIR && sh publish-${caseRecord.cve ?? ''}.sh`}</pre>
        </div>
      ) : null}
      {caseRecord.cve !== null && !status?.ready ? (
        <div className="cve-panel__review">
          <button type="button" className="button button--small" onClick={() => void requestReview()} disabled={busy}>
            Make review text
          </button>
          {status?.review === 'requested' ? (
            <>
              <label className="cve-panel__label" htmlFor="cve-signature">
                Reviewer's signature (armored)
              </label>
              <textarea id="cve-signature" className="input cve-panel__signature" rows={4} value={signature} onChange={(e) => setSignature(e.target.value)} spellCheck={false} />
              <div className="cve-panel__buttons">
                <button type="button" className="button button--small button--primary" onClick={() => void submitSignature(false)} disabled={busy || signature.trim() === ''}>
                  Add signature
                </button>
                <button type="button" className="button button--small" onClick={() => void submitSignature(true)} disabled={busy}>
                  Sign with my key
                </button>
              </div>
            </>
          ) : null}
        </div>
      ) : null}
      <label className="button button--small button--ghost cve-panel__import">
        Import published record…
        <input type="file" accept="application/json,.json" onChange={(e) => void importFile(e)} hidden aria-label="Import a published CVE JSON 5 record" />
      </label>
      {info ? <Notice tone="info">{info}</Notice> : null}
      {error ? <Notice tone="error">{error}</Notice> : null}
    </section>
  );
}
