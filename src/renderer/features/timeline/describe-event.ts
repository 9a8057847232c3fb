// How each timeline event type reads. A feature that records a new event type adds its entry
// here; an unknown type still shows, with its data as fields, so nothing is ever hidden.
import type { CaseKind, TimelineEvent } from '../../../shared/contract/index.ts';
import type { IconName } from '../../components/Icon.tsx';
import { formatUtc } from '../../lib/time.ts';
import { kindLabel } from '../cases/kinds.ts';

export interface EventDescription {
  title: string;
  icon: IconName;
  /** Free text shown as a block (notes). */
  text?: string;
  /** Field/value pairs shown as a small table. */
  details?: [string, string][];
}

const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  kind: 'Kind',
  disclosedAt: 'Disclosure time',
  releaseDate: 'Release date',
  cve: 'CVE',
  cvss: 'CVSS',
  summary: 'Summary',
  description: 'Description',
  upstream: 'Upstream',
  people: 'People',
};

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A value as one line of text: instants in UTC, objects as compact JSON. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return INSTANT.test(value) ? formatUtc(value) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.length === 0) return '—';
  return JSON.stringify(value);
}

function fieldLabel(field: unknown): string {
  return typeof field === 'string' ? (FIELD_LABELS[field] ?? field) : 'Field';
}

type Describer = (event: TimelineEvent) => EventDescription;

const DESCRIBERS: Record<string, Describer> = {
  'case.opened': (event) => ({
    title: 'Case opened',
    icon: 'flag',
    details: [
      ['Title', showValue(event.data.title)],
      ['Kind', typeof event.data.kind === 'string' ? kindLabel(event.data.kind as CaseKind) : showValue(event.data.kind)],
      ['Disclosed', showValue(event.data.disclosedAt)],
    ],
  }),
  note: (event) => ({ title: 'Note', icon: 'note', text: typeof event.data.text === 'string' ? event.data.text : showValue(event.data.text) }),
  'case.field-changed': (event) => ({
    title: `${fieldLabel(event.data.field)} changed`,
    icon: 'edit',
    details: [
      ['From', showValue(event.data.from)],
      ['To', showValue(event.data.to)],
    ],
  }),
  'case.cvss-call': (event) => {
    const to = event.data.to as { vector?: string; score?: number; severity?: string } | null;
    return {
      title: 'CVSS call',
      icon: 'gauge',
      details: to ? [['Score', `${to.score?.toFixed(1) ?? '?'} ${to.severity ?? ''}`], ['Vector', to.vector ?? '']] : [['Score', 'cleared']],
    };
  },
};

export function describeEvent(event: TimelineEvent): EventDescription {
  const describer = DESCRIBERS[event.type];
  if (describer) return describer(event);
  return {
    title: event.type,
    icon: 'clock',
    details: Object.entries(event.data).map(([key, value]) => [key, showValue(value)]),
  };
}
