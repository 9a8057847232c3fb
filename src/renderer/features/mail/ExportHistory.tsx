// Every export of a draft as the core recorded it: when, by whom, which version, encrypted or
// in clear (an embargo override with its reason), signed or not, and each file with its SHA-256.
import type { ReactElement } from 'react';
import type { ExportRecord } from '../../../shared/contract/index.ts';
import { formatUtc } from '../../lib/time.ts';
import { Icon } from '../../components/Icon.tsx';
import { plural } from './mail-model.ts';

export function ExportHistory({ exports }: { exports: ExportRecord[] }): ReactElement {
  return (
    <section className="panel" aria-labelledby="composer-exports-heading">
      <div className="panel__header">
        <h2 className="panel__title" id="composer-exports-heading">
          Exports {exports.length > 0 ? <span className="faint">{exports.length}</span> : null}
        </h2>
      </div>
      <div className="panel__body">
        {exports.length === 0 ? (
          <p className="muted">Not exported yet. Each export is recorded here and on the case timeline, with the SHA-256 of every file.</p>
        ) : (
          <ol className="mail-history" aria-label="Past exports of this draft">
            {[...exports].reverse().map((entry, index) => (
              <li key={`${entry.at} ${index}`} data-mode={entry.mode}>
                <Icon name={entry.mode === 'encrypted' ? 'lock' : 'alert'} />
                <span>
                  <strong>v{entry.version}</strong> · {formatUtc(entry.at)} · {entry.by} ·{' '}
                  {entry.mode === 'encrypted' ? `encrypted to ${plural(entry.encryptedTo.length, 'key')}` : 'in clear'}
                  {entry.signed ? ', signed' : ', not signed'} · {plural(entry.messages, 'message')}
                  {entry.notice ? ` · notice ${entry.notice}` : ''}
                  {entry.override ? (
                    <span className="mail-history__override">
                      Embargo overridden{entry.override.releaseDate ? ` (Release Date ${formatUtc(entry.override.releaseDate)})` : ' (no Release Date)'}: {entry.override.reason}
                    </span>
                  ) : null}
                  <span className="mail-history__files mono">
                    {entry.files.map((file) => (
                      <span key={file.name} title={`SHA-256 ${file.sha256}`}>
                        {file.name.split(/[\\/]/).pop()} <span className="faint">{file.sha256.slice(0, 12)}…</span>
                      </span>
                    ))}
                  </span>
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
