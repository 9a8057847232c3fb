import type { ReactElement } from 'react';
import type { CaseKind } from '../../../shared/contract/index.ts';
import { kindLabel } from './kinds.ts';

export function KindBadge({ kind }: { kind: CaseKind }): ReactElement {
  return <span className={`badge badge--${kind}`}>{kindLabel(kind)}</span>;
}
