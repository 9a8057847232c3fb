// A panel that slides in from the right over the page: details of one key, one member, one
// membership request. Radix Dialog underneath (focus trap, Escape, aria wiring), like the app's
// modal, so keyboard users get the same behaviour.
import * as RadixDialog from '@radix-ui/react-dialog';
import { useRef, type ReactElement, type ReactNode } from 'react';
import { Icon } from '../../components/Icon.tsx';

interface DrawerProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: ReactNode;
  /** Read by screen readers with the title; shown under it. */
  description: ReactNode;
  /** Badges or buttons beside the title. */
  actions?: ReactNode;
  children: ReactNode;
}

export function Drawer({ open, onOpenChange, title, description, actions, children }: DrawerProps): ReactElement {
  const opener = useRef<HTMLElement | null>(null);
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="drawer__overlay" />
        <RadixDialog.Content
          className="drawer"
          onOpenAutoFocus={() => {
            opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
          }}
          onCloseAutoFocus={(event) => {
            if (opener.current?.isConnected) {
              event.preventDefault();
              opener.current.focus();
            }
          }}
        >
          <div className="drawer__header">
            <div className="drawer__heading">
              <RadixDialog.Title asChild>
                <h2 className="drawer__title">{title}</h2>
              </RadixDialog.Title>
              <RadixDialog.Description asChild>
                <div className="drawer__description">{description}</div>
              </RadixDialog.Description>
            </div>
            <RadixDialog.Close className="button button--ghost button--small" aria-label="Close">
              <Icon name="close" />
            </RadixDialog.Close>
          </div>
          {actions ? <div className="drawer__actions">{actions}</div> : null}
          <div className="drawer__body">{children}</div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
