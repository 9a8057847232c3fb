// The leak lint, before anything goes public: branch names and commit messages that mention
// the case's CVE ID or a word the Fix Lead lists (the component, "security", the reporter's
// name…). The saved words are checked on every run.
import { useState, type FormEvent, type ReactElement } from 'react';
import type { OutputOf, WorkspaceStatus } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { Icon } from '../../components/Icon.tsx';
import { Notice } from '../../components/Notice.tsx';
import { shortSha } from './matrix.ts';
import { useLongAction } from './use-long-action.ts';

export function LintPanel({ caseId, status }: { caseId: string; status: WorkspaceStatus }): ReactElement {
  const [words, setWords] = useState('');
  const [save, setSave] = useState(true);
  const [result, setResult] = useState<OutputOf<'workspace.lint'> | null>(null);
  const action = useLongAction();
  const list = words
    .split(/[,\n]+/)
    .map((word) => word.trim())
    .filter((word) => word !== '');

  async function run(event: FormEvent): Promise<void> {
    event.preventDefault();
    const value = await action.run(() => call('workspace.lint', { id: caseId, ...(list.length > 0 ? { words: list, save } : {}) }));
    if (value) {
      setResult(value);
      if (save) setWords('');
    }
  }

  return (
    <section className="panel ws-panel" aria-labelledby="ws-lint-heading">
      <div className="panel__header">
        <h2 className="panel__title" id="ws-lint-heading">
          Leak lint
        </h2>
        {result ? (
          result.ok ? (
            <span className="badge badge--verified">
              <Icon name="check" /> Nothing flagged
            </span>
          ) : (
            <span className="badge badge--danger">{result.findings.length} flagged</span>
          )
        ) : null}
      </div>
      <div className="panel__body ws-panel__body">
        <p className="field__hint">
          Checks branch names and commit messages for the CVE ID and for these words
          {status.lintWords.length > 0 ? ': ' : '.'}
          {status.lintWords.map((word) => (
            <span key={word} className="badge badge--role lint-word">
              {word}
            </span>
          ))}
        </p>
        <form className="ws-form" onSubmit={(event) => void run(event)}>
          <div className="ws-form__row">
            <input
              className="input"
              aria-label="Words to flag"
              value={words}
              onChange={(event) => setWords(event.target.value)}
              placeholder="More words, comma separated (component, reporter, “security”…)"
              spellCheck={false}
              autoComplete="off"
              disabled={action.busy}
            />
            <button type="submit" className="button" disabled={action.busy}>
              Run the lint
            </button>
          </div>
          {list.length > 0 ? (
            <label className="checkbox">
              <input type="checkbox" checked={save} onChange={(event) => setSave(event.target.checked)} />
              <span>Keep these words for this case</span>
            </label>
          ) : null}
        </form>
        {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
        {result && result.findings.length > 0 ? (
          <table className="table table--compact" aria-label="Leak lint findings">
            <thead>
              <tr>
                <th scope="col">Where</th>
                <th scope="col">Branch</th>
                <th scope="col">Commit</th>
                <th scope="col">Word</th>
                <th scope="col">Text</th>
              </tr>
            </thead>
            <tbody>
              {result.findings.map((finding, index) => (
                <tr key={index}>
                  <td>{finding.where === 'branch' ? 'branch name' : 'commit message'}</td>
                  <td className="cell-mono">{finding.branch}</td>
                  <td className="cell-mono">{shortSha(finding.commit)}</td>
                  <td>
                    <mark className="lint-mark">{finding.word}</mark>
                  </td>
                  <td className="lint-text">{finding.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </section>
  );
}
