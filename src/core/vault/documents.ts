// The documents inside a vault and their schema history.
import type { CaseRecord, ProcessState, TimelineEvent } from '../../shared/contract/index.ts';
import { emptyProcessState } from '../../shared/contract/process.ts';
import type { Migration } from './migrations.ts';

/** Case ids are numbered in creation order: EMB-0001. */
export function formatCaseId(number: number): string {
  return `EMB-${String(number).padStart(4, '0')}`;
}

export interface CaseEntry {
  /** The case's own data key (base64), wrapped by the index's encryption; dropping it shreds the case. */
  key: string;
  title: string;
  kind: CaseRecord['kind'];
  disclosedAt: string;
  createdAt: string;
  updatedAt: string;
  releaseDate: string | null;
  cve: string | null;
}

export interface IndexDocument {
  schemaVersion: number;
  vaultId: string;
  createdAt: string;
  settings: { idleLockMinutes: number; actorName: string };
  nextCaseNumber: number;
  cases: Record<string, CaseEntry>;
  /**
   * The vault's own timeline (schema 2): what happened to the vault rather than to a case —
   * a case removed, a backup written, the vault restored. Hash-chained like a case timeline,
   * from a genesis bound to `vault:<vaultId>` (see vault-timeline.ts).
   */
  events: TimelineEvent[];
}

export type CaseFields = Omit<CaseRecord, 'eventCount'>;

export interface CaseDocument {
  schemaVersion: number;
  case: CaseFields;
  /** The process engine's record: ticks, decisions, leaks, handoffs (schema 3). */
  process: ProcessState;
  events: TimelineEvent[];
}

/** Index schema history. Version 1 is the first released shape. */
export const INDEX_MIGRATIONS: readonly Migration[] = [
  {
    to: 2,
    describe: 'add the vault timeline (empty); from this version on the vault keeps a heads journal',
    up: (document) => ({ ...document, events: [] }),
  },
];

/** The fields a case gets when it is opened, and that older documents gain on migration. */
export function defaultCaseFields(): Omit<CaseFields, 'id' | 'title' | 'kind' | 'disclosedAt' | 'createdAt' | 'updatedAt' | 'profile'> {
  return {
    summary: '',
    description: '',
    upstream: null,
    publicReport: null,
    releaseDate: null,
    cve: null,
    cvss: null,
    cwe: [],
    affected: [],
    fixed: [],
    references: [],
    credits: [],
    workarounds: '',
    mitigations: '',
    detection: '',
    embargo: { deployBeforeRelease: null, patchUnderEmbargo: null, hostedServiceExceptions: '' },
    links: [],
    people: { fixLead: null, fixTeam: [], releaseManagers: [], reporter: null },
    trackingIssue: null,
  };
}

/** Case schema history. Version 1 is the first released shape (title, kind, dates, summary, CVE). */
export const CASE_MIGRATIONS: readonly Migration[] = [
  {
    to: 2,
    describe: 'add the fields the process engine and the advisory exports need, with empty defaults',
    up: (document) => {
      const fields = (document.case ?? {}) as Record<string, unknown>;
      return { ...document, case: { ...defaultCaseFields(), ...fields } };
    },
  },
  {
    to: 3,
    describe: 'add the process state (checklist ticks, decisions, leaks, handoffs), empty for existing cases',
    up: (document) => ({ ...document, process: emptyProcessState() }),
  },
];
