import type { ReactElement, ReactNode } from 'react';
import { Logo } from '../../components/Logo.tsx';

/** The centred card of the vault screens (first run, unlock). */
export function AuthLayout({ title, lead, children, footer }: { title: string; lead: ReactNode; children: ReactNode; footer?: ReactNode }): ReactElement {
  return (
    <main className="auth">
      <div className="auth__card">
        <div className="auth__brand">
          <Logo size={28} />
          <span>Embargo</span>
        </div>
        <h1>{title}</h1>
        <div className="auth__lead">{lead}</div>
        {children}
        {footer ? <div className="auth__footer">{footer}</div> : null}
      </div>
    </main>
  );
}
