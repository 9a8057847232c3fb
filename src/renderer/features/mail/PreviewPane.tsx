// The message as it will be sent, from the saved version: the headers inside the message
// (From, To, Cc, the real Subject), the attachments and the plain-text body at 72 columns; and,
// for an encrypted message, what travels in clear around it: the outer headers with the
// neutral subject, the only part a mail server sees.
import type { ReactElement } from 'react';
import type { DraftView } from '../../../shared/contract/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { segments } from './mail-model.ts';

function mailbox(name: string, address: string): string {
  return name ? `${name} <${address}>` : address;
}

export function PreviewPane({ view, outerSubject }: { view: DraftView; outerSubject: string }): ReactElement {
  const encrypted = view.mode === 'encrypted';
  const files = view.attachments.flatMap((attachment) => attachment.names.map((name) => ({ name, problem: attachment.problem })));
  return (
    <div className="composer-preview">
      <article className="panel mail-message" aria-label="Message preview">
        <header className="mail-message__head">
          <p className="mail-message__eyebrow">
            {encrypted ? (
              <>
                <Icon name="lock" /> Inside the encrypted part · version {view.version}
              </>
            ) : (
              <>
                <Icon name="eye" /> In clear · version {view.version}
              </>
            )}
          </p>
          <dl className="mail-headers">
            <dt>From</dt>
            <dd>{mailbox(view.from.name, view.from.address)}</dd>
            <dt>To</dt>
            <dd>{view.toAddresses.length > 0 ? view.toAddresses.join(', ') : <span className="not-set">nobody</span>}</dd>
            {view.ccAddresses.length > 0 ? (
              <>
                <dt>Cc</dt>
                <dd>{view.ccAddresses.join(', ')}</dd>
              </>
            ) : null}
            <dt>Subject</dt>
            <dd className="mail-headers__subject">
              <Marked text={view.subject} />
            </dd>
            <dt>Date</dt>
            <dd className="faint">the moment of export</dd>
          </dl>
          {files.length > 0 ? (
            <ul className="mail-message__files" aria-label="Attached files">
              {files.map((file) => (
                <li key={file.name} className={file.problem ? 'has-problem' : undefined} title={file.problem ?? undefined}>
                  <Icon name={file.problem ? 'alert' : 'note'} /> {file.name}
                </li>
              ))}
            </ul>
          ) : null}
          {view.attachments.some((attachment) => attachment.problem && attachment.names.length === 0) ? (
            <p className="composer-attachments__problem">
              <Icon name="alert" /> {view.attachments.filter((a) => a.problem && a.names.length === 0).map((a) => a.problem).join('; ')}
            </p>
          ) : null}
        </header>
        <pre className="mail-message__body" aria-label="Message body">
          <Marked text={view.body} />
        </pre>
      </article>
      {encrypted ? (
        <aside className="panel composer-side-panel mail-outer" aria-label="What mail servers see">
          <div className="composer-side-panel__header">
            <h2 className="panel__title">What mail servers see</h2>
          </div>
          <div className="composer-side-panel__body">
            <p className="field__hint">The outer headers of the PGP/MIME message (RFC 3156). The real subject travels only inside, protected (RFC 9788).</p>
            <dl className="mail-headers mail-headers--outer">
              <dt>From</dt>
              <dd>{view.from.address}</dd>
              <dt>To</dt>
              <dd>{view.toAddresses.join(', ') || '—'}</dd>
              {view.ccAddresses.length > 0 ? (
                <>
                  <dt>Cc</dt>
                  <dd>{view.ccAddresses.join(', ')}</dd>
                </>
              ) : null}
              <dt>Subject</dt>
              <dd className="mono">{outerSubject}</dd>
              <dt>Type</dt>
              <dd className="mono">multipart/encrypted; protocol="application/pgp-encrypted"</dd>
            </dl>
          </div>
        </aside>
      ) : null}
    </div>
  );
}

function Marked({ text }: { text: string }): ReactElement {
  return (
    <>
      {segments(text).map((segment, index) =>
        segment.kind === 'text' ? <span key={index}>{segment.text}</span> : <mark key={index} className="marked__mark marked__mark--missing mail-message__missing">{segment.text}</mark>,
      )}
    </>
  );
}
