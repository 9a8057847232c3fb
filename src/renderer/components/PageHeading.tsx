import { useEffect, useRef, type ReactElement, type ReactNode } from 'react';

/**
 * A page's h1. It takes focus when it appears, so that after moving to another page keyboard
 * and screen-reader users start at its top instead of on a button of the page they left.
 */
export function PageHeading({ children, title }: { children: ReactNode; title?: string }): ReactElement {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Not while a dialog is open: it owns focus, and focus returns to its opener.
    if (!document.querySelector('[role="dialog"]')) ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading" title={title}>
      {children}
    </h1>
  );
}
