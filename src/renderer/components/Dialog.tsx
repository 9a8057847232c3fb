// The one modal: Radix Dialog (focus trap, Escape, aria wiring) with our header and styles.
// Fields inside must not use autoFocus (it would hide the opener from Radix): mark the first
// one data-autofocus instead.
import * as RadixDialog from '@radix-ui/react-dialog';
import { useEffect, useRef, type ReactElement, type ReactNode } from 'react';
import { Icon } from './Icon.tsx';

interface DialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: string;
  description: string;
  children: ReactNode;
}

export function Dialog({ open, onOpenChange, title, description, children }: DialogProps): ReactElement {
  // Opened from state rather than a Radix Trigger, so focus is given back to the opener by hand.
  const opener = useRef<HTMLElement | null>(null);
  const content = useRef<HTMLDivElement>(null);
  // A dialog whose body changes in place (a form that becomes its result) removes the button
  // that had focus, and focus falls to the page behind (or to the dialog box itself, where Radix
  // catches it): bring it to the new data-autofocus.
  const autofocused = useRef<HTMLElement | null | undefined>(undefined);
  useEffect(() => {
    const box = content.current;
    if (!open || !box) {
      autofocused.current = undefined;
      return;
    }
    const target = box.querySelector<HTMLElement>('[data-autofocus]');
    if (target === autofocused.current) return;
    const first = autofocused.current === undefined;
    autofocused.current = target;
    const active = document.activeElement;
    if (first || (active !== null && active !== document.body && active !== box)) return;
    target?.focus();
  });
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog__overlay" />
        <RadixDialog.Content
          ref={content}
          className="dialog__content"
          onOpenAutoFocus={(event) => {
            opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
            // Start in the field marked data-autofocus (not on the close button, which comes first).
            const first = (event.currentTarget as HTMLElement | null)?.querySelector<HTMLElement>('[data-autofocus]');
            if (first) {
              event.preventDefault();
              first.focus();
            }
          }}
          onCloseAutoFocus={(event) => {
            if (opener.current?.isConnected) {
              event.preventDefault();
              opener.current.focus();
            }
          }}
        >
          <div className="dialog__header">
            <div>
              <RadixDialog.Title asChild>
                <h2>{title}</h2>
              </RadixDialog.Title>
              <RadixDialog.Description className="dialog__description">{description}</RadixDialog.Description>
            </div>
            <RadixDialog.Close className="button button--ghost button--small" aria-label="Close">
              <Icon name="close" />
            </RadixDialog.Close>
          </div>
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
