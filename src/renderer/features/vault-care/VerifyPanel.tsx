// `embargo vault verify` in the window: every sealed file authenticated, every timeline's hash
// chain checked; the report says which file has which problem, in words.
import { useState, type ReactElement } from 'react';
import type { OutputOf } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { Icon } from '../../components/Icon.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useAction } from '../keyring/use-action.ts';

type Report = OutputOf<'vault.verify'>;

export function VerifyPanel(): ReactElement {
  const action = useAction();
  const [report, setReport] = useState<{ report: Report; at: Date } | null>(null);
  async function verify(): Promise<void> {
    const value = await action.run(() => call('vault.verify', {}));
    if (value) setReport({ report: value, at: new Date() });
  }
  return (
    <section className="panel" aria-labelledby="vault-verify-heading">
      <div className="panel__header">
        <h2 className="panel__title" id="vault-verify-heading">
          Verify
        </h2>
        <button type="button" className="button" onClick={() => void verify()} disabled={action.busy}>
          <Icon name="check" /> {action.busy ? 'Checking…' : 'Verify the vault'}
        </button>
      </div>
      <div className="panel__body">
        <p className="muted">Authenticates every encrypted file and checks that no timeline was rewritten. Nothing is changed.</p>
        {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
        {report ? <VerifyReport report={report.report} at={report.at} /> : null}
      </div>
    </section>
  );
}

export function VerifyReport({ report, at }: { report: Report; at?: Date }): ReactElement {
  const when = at ? ` (checked at ${at.toLocaleTimeString()})` : '';
  if (report.ok) {
    return (
      <div className="verify-report verify-report--ok" role="status">
        <Icon name="check" /> <strong>Vault OK.</strong> {report.checkedFiles} files authenticated, every timeline chain intact{when}.
      </div>
    );
  }
  return (
    <div className="verify-report verify-report--bad" role="alert">
      <p>
        <Icon name="alert" /> <strong>
          {report.problems.length} {report.problems.length === 1 ? 'problem' : 'problems'}
        </strong>{' '}
        in {report.checkedFiles} files checked{when}. Restore the affected case from a backup, or keep this vault as it is and ask for help.
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {report.problems.map((problem) => (
            <tr key={`${problem.file} ${problem.code}`}>
              <td className="cell-mono">{problem.file}</td>
              <td>
                {problem.message} <span className="faint mono">{problem.code}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
