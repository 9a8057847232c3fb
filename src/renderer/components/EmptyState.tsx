import type { ReactElement, ReactNode } from 'react';
import { Icon, type IconName } from './Icon.tsx';

export function EmptyState({ icon, title, children }: { icon: IconName; title: string; children?: ReactNode }): ReactElement {
  return (
    <div className="empty">
      <div className="empty__icon">
        <Icon name={icon} />
      </div>
      <h3>{title}</h3>
      {children}
    </div>
  );
}
