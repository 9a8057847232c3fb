import type { ReactElement, ReactNode } from 'react';
import { Icon } from './Icon.tsx';

/** An inline message. Errors are announced to screen readers as they appear. */
export function Notice({ tone, children }: { tone: 'error' | 'warning' | 'info'; children: ReactNode }): ReactElement {
  return (
    <div className={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <Icon name={tone === 'info' ? 'info' : 'alert'} />
      <div>{children}</div>
    </div>
  );
}
