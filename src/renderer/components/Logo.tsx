import type { ReactElement } from 'react';

/** The Embargo mark: a shield with a keyhole, in the accent colour. */
export function Logo({ size = 24 }: { size?: number }): ReactElement {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false" className="logo">
      <path className="logo__shield" d="M16 2.5l11 4.5v8c0 7-4.7 12.6-11 14.5C9.7 27.6 5 22 5 15V7z" />
      <circle className="logo__keyhole" cx="16" cy="13.5" r="3" />
      <path className="logo__keyhole" d="M14.7 15h2.6l1 6.5h-4.6z" />
    </svg>
  );
}
