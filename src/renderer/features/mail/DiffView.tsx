// Two texts as the lines that changed between them, with a little context; the subject too
// when it changed. Used for a draft's versions and a template against its default wording.
import type { ReactElement } from 'react';
import { lineChanges, plural, withContext } from './mail-model.ts';

export function DiffView({ label, before, after }: { label: string; before: { subject: string; body: string }; after: { subject: string; body: string } }): ReactElement {
  const rows = withContext(lineChanges(before.body, after.body));
  const same = before.subject === after.subject && rows.every((row) => row.kind === 'same' || row.kind === 'skip');
  return (
    <pre className="versions__text versions__text--diff" aria-label={label}>
      {same ? <span className="diff-line diff-line--skip">No change to the subject or the body.</span> : null}
      {before.subject !== after.subject ? (
        <>
          <span className="diff-line diff-line--removed">- Subject: {before.subject}</span>
          <span className="diff-line diff-line--added">+ Subject: {after.subject}</span>
        </>
      ) : null}
      {same
        ? null
        : rows.map((row, index) =>
            row.kind === 'skip' ? (
              <span key={index} className="diff-line diff-line--skip">
                ⋯ {plural(row.count, 'unchanged line')}
              </span>
            ) : (
              <span key={index} className={`diff-line diff-line--${row.kind}`}>
                {row.kind === 'added' ? '+ ' : row.kind === 'removed' ? '- ' : '  '}
                {row.line}
              </span>
            ),
          )}
    </pre>
  );
}
