// A text field that shows ⟦missing: name⟧ markers (and, in a template, {{placeholders}})
// highlighted behind the text: a plain <textarea> or <input> on top of a backdrop with the
// same font, padding and scroll position, so typing, selection, undo and screen readers all
// work as in any field. The body variant has no soft wrap and a ruler at 72 columns: the
// lines shown are the lines that will be sent.
import { forwardRef, useCallback, useImperativeHandle, useRef, type KeyboardEvent, type ReactElement, type Ref } from 'react';
import { segments } from './mail-model.ts';

interface MarkedFieldProps {
  id: string;
  value: string;
  onChange(value: string): void;
  multiline?: boolean;
  /** Draw the 72-column ruler (the body). */
  ruler?: boolean;
  /** Wrap long lines on screen (a template, whose paragraphs are wrapped when filled). */
  softWrap?: boolean;
  rows?: number;
  disabled?: boolean;
  readOnly?: boolean;
  invalid?: boolean;
  describedBy?: string;
  onKeyDown?(event: KeyboardEvent<HTMLTextAreaElement | HTMLInputElement>): void;
}

export interface MarkedFieldHandle {
  /** Focuses the field and selects a range of its text, scrolled into view. */
  select(start: number, end: number): void;
  /** Types text at the caret (replacing the selection), as if the user had. */
  insert(text: string): void;
}

function Backdrop({ value, contentRef }: { value: string; contentRef: Ref<HTMLDivElement> }): ReactElement {
  return (
    <div className="marked__backdrop" aria-hidden="true" ref={contentRef}>
      <div className="marked__content">
        {segments(value).map((segment, index) =>
          segment.kind === 'text' ? (
            <span key={index}>{segment.text}</span>
          ) : (
            <mark key={index} className={`marked__mark marked__mark--${segment.kind}`}>
              {segment.text}
            </mark>
          ),
        )}
        {/* A last empty line still has its height. */}
        {'\u200b'}
      </div>
    </div>
  );
}

export const MarkedField = forwardRef(function MarkedField(
  { id, value, onChange, multiline = false, ruler = false, softWrap = false, rows = 18, disabled, readOnly, invalid, describedBy, onKeyDown }: MarkedFieldProps,
  ref: Ref<MarkedFieldHandle>,
): ReactElement {
  const backdrop = useRef<HTMLDivElement>(null);
  const field = useRef<HTMLTextAreaElement & HTMLInputElement>(null);

  const sync = useCallback(() => {
    const from = field.current;
    const to = backdrop.current;
    if (!from || !to) return;
    to.scrollTop = from.scrollTop;
    to.scrollLeft = from.scrollLeft;
  }, []);

  useImperativeHandle(
    ref,
    () => ({
      select(start: number, end: number) {
        const element = field.current;
        if (!element) return;
        element.focus();
        element.setSelectionRange(start, end);
        if (multiline) {
          // Bring the selected line into view: its line number times the line height.
          const line = value.slice(0, start).split('\n').length - 1;
          const lineHeight = parseFloat(getComputedStyle(element).lineHeight) || 20;
          element.scrollTop = Math.max(0, line * lineHeight - element.clientHeight / 3);
        }
        requestAnimationFrame(sync);
      },
      insert(text: string) {
        const element = field.current;
        if (!element) return;
        element.focus();
        element.setRangeText(text, element.selectionStart ?? value.length, element.selectionEnd ?? value.length, 'end');
        onChange(element.value);
        requestAnimationFrame(sync);
      },
    }),
    [multiline, onChange, sync, value],
  );

  const common = {
    id,
    value,
    disabled,
    readOnly,
    spellCheck: false,
    autoComplete: 'off',
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
    onScroll: sync,
    onSelect: sync,
    onKeyUp: sync,
  };
  return (
    <div className={`marked${multiline ? ' marked--multiline' : ''}${ruler ? ' marked--ruler' : ''}${softWrap ? ' marked--wrap' : ''}${disabled || readOnly ? ' marked--readonly' : ''}`}>
      <Backdrop value={value} contentRef={backdrop} />
      {multiline ? (
        <textarea
          {...common}
          ref={field}
          className="marked__field"
          rows={rows}
          wrap={softWrap ? 'soft' : 'off'}
          onChange={(event) => {
            onChange(event.target.value);
            requestAnimationFrame(sync);
          }}
          onKeyDown={onKeyDown}
        />
      ) : (
        <input
          {...common}
          ref={field}
          className="marked__field"
          type="text"
          onChange={(event) => {
            onChange(event.target.value);
            requestAnimationFrame(sync);
          }}
          onKeyDown={onKeyDown}
          onBlur={(event) => {
            // Back to the start of a long subject when leaving it, as it reads best.
            event.currentTarget.scrollLeft = 0;
            sync();
          }}
        />
      )}
    </div>
  );
});
