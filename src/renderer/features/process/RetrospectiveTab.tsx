// The retrospective draft (Markdown from the timeline: people, planned vs actual per phase,
// leaks and decisions, links, headings for critiques), to copy or export, and a form to add
// an item for it. An export is a plain file: the dialog says so before anything is written,
// and the export (file name and SHA-256) is noted on the case's timeline before the download.
import { useState, type FormEvent, type ReactElement } from 'react';
import { call } from '../../lib/api.ts';
import { useQuery } from '../../lib/use-query.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Icon } from '../../components/Icon.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useUi } from '../../app/store.ts';
import type { CaseTabProps } from '../cases/case-tabs.tsx';
import { useAction } from './use-action.ts';
import './process.css';
import { copyWithAutoClear } from '../../lib/clipboard.ts';
import { canDownload, saveAsDownload, sha256Hex } from '../../lib/download.ts';

export function retroFileName(caseId: string): string {
  return `${caseId}-retrospective.md`;
}

export function RetrospectiveTab({ caseRecord }: CaseTabProps): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const retro = useQuery('process.retro', { id: caseRecord.id }, revision);
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const [exporting, setExporting] = useState(false);
  const markdown = retro.value?.markdown ?? null;

  async function copy(): Promise<void> {
    if (markdown === null) return;
    try {
      await copyWithAutoClear(markdown);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <div className="retro">
      <div className="retro__toolbar">
        <div>
          <h2 className="section-heading">Retrospective draft</h2>
          <p className="muted">
            Blameless, to the dev list 1–3 days after the Release Date. Built from the timeline; write the critiques under their headings.
          </p>
        </div>
        <div className="retro__actions">
          <button type="button" className="button" onClick={() => void copy()} disabled={markdown === null}>
            <Icon name="note" /> Copy Markdown
          </button>
          <button type="button" className="button" onClick={() => setExporting(true)} disabled={markdown === null}>
            <Icon name="folder" /> Export .md…
          </button>
        </div>
      </div>
      {copied === 'copied' ? <Notice tone="info">Copied. Paste it into your mail client; Embargo clears the clipboard again after 30 seconds, since other programs can read it.</Notice> : null}
      {copied === 'failed' ? <Notice tone="error">The clipboard refused the text: select it below and press Ctrl+C.</Notice> : null}
      {retro.status === 'error' ? <Notice tone="error">{retro.error.message}</Notice> : null}
      {markdown === null && retro.status !== 'error' ? (
        <p className="muted" aria-busy="true">
          Drafting from the timeline…
        </p>
      ) : null}
      {markdown !== null ? (
        <pre className="retro__preview" tabIndex={0} aria-label="Retrospective draft, Markdown">
          {markdown}
        </pre>
      ) : null}
      <AddRetroItem caseId={caseRecord.id} />
      {exporting && markdown !== null ? <ExportDialog caseId={caseRecord.id} markdown={markdown} onClose={() => setExporting(false)} /> : null}
    </div>
  );
}

function ExportDialog({ caseId, markdown, onClose }: { caseId: string; markdown: string; onClose(): void }): ReactElement {
  const name = retroFileName(caseId);
  const action = useAction();
  const downloads = canDownload();

  async function exportFile(): Promise<void> {
    // Recorded first: a file that leaves the vault unencrypted is always on the timeline.
    const sha256 = await sha256Hex(markdown);
    const noted = await action.run(() =>
      call('case.note', { id: caseId, text: `Retrospective draft exported as an unencrypted Markdown file (${name}, SHA-256 ${sha256}).` }),
    );
    if (!noted) return;
    saveAsDownload(name, markdown, 'text/markdown');
    onClose();
  }

  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onClose())} title="Export the retrospective" description={`Saves ${name} from this draft.`}>
      <div className="form">
        <Notice tone="warning">
          <strong>The file is not encrypted.</strong> Anyone who can read it reads the case: what is affected, who found it, the timeline and any
          embargo break. Export it once the issue is public, or keep it on an encrypted disk.
        </Notice>
        {downloads ? null : (
          <Notice tone="info">
            The desktop app does not save downloads yet. Copy the Markdown instead, or write the file from a terminal:{' '}
            <code>
              embargo case retro {caseId} &gt; {name}
            </code>
            .
          </Notice>
        )}
        {action.error ? <Notice tone="error">Nothing was saved: the export could not be recorded on the timeline. {action.error}</Notice> : null}
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose} data-autofocus disabled={action.busy}>
            Cancel
          </button>
          <button type="button" className="button button--primary" onClick={() => void exportFile()} disabled={action.busy || !downloads}>
            {action.busy ? 'Saving…' : 'Export unencrypted file'}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

function AddRetroItem({ caseId }: { caseId: string }): ReactElement {
  const [text, setText] = useState('');
  const action = useAction();

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (text.trim() === '') return;
    const result = await action.run(() => call('process.addRetroItem', { id: caseId, text: text.trim() }));
    if (result) setText('');
  }

  return (
    <form className="add-note retro__add" onSubmit={(event) => void submit(event)}>
      <label className="field__label" htmlFor="retro-item">
        Add an item for the retrospective
      </label>
      <textarea
        id="retro-item"
        className="textarea textarea--short"
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder="What went well, what to change next time…"
        maxLength={5000}
        disabled={action.busy}
      />
      {action.error ? <Notice tone="error">{action.error}</Notice> : null}
      <div className="add-note__actions">
        <span>Items are listed in the draft and kept on the timeline.</span>
        <button type="submit" className="button button--primary button--small" disabled={action.busy || text.trim() === ''}>
          {action.busy ? 'Adding…' : 'Add item'}
        </button>
      </div>
    </form>
  );
}
