// Every export format checked against the case as saved: advisory.export without an output
// path builds and validates the document and returns it, or refuses with the problems in words.
// Checks run a moment after the case changes (several quick saves cost one round), and the last
// answers stay on screen, marked stale, while the next ones are on their way.
import { useEffect, useState } from 'react';
import type { AdvisoryExport, AdvisoryFormat } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';

export const FORMATS: readonly { format: AdvisoryFormat; name: string; short: string }[] = [
  { format: 'cve', name: 'CVE JSON 5.1 record', short: 'CVE JSON 5' },
  { format: 'osv', name: 'OSV record', short: 'OSV' },
  { format: 'csaf', name: 'CSAF 2.0 advisory', short: 'CSAF' },
  { format: 'openvex', name: 'OpenVEX 0.2 document', short: 'OpenVEX' },
  { format: 'issue', name: 'Public tracking issue', short: 'Tracking issue' },
  { format: 'release-notes', name: 'Release-notes CVE map (YAML)', short: 'Release notes' },
];

export type FormatCheck =
  | { state: 'valid'; document: AdvisoryExport }
  | { state: 'invalid'; problems: string[] }
  | { state: 'failed'; message: string };

export interface ExportChecks {
  byFormat: Partial<Record<AdvisoryFormat, FormatCheck>>;
  /** A newer round is pending or running: what is shown may be about the previous case state. */
  checking: boolean;
}

export const CHECK_DELAY_MS = 400;

/**
 * The core's sentences point CLI users at flags ("set it with "case set --cve"", "--pr N");
 * in the app the field is right there, so those hints are left out.
 */
export function inWords(problem: string): string {
  return problem.replace(/\s*\((?:set it with\s+)?"?(?:case set\b[^)]*|--[a-z][^)]*)\)/g, '');
}

async function checkFormat(id: string, format: AdvisoryFormat, prs: readonly number[]): Promise<FormatCheck> {
  const result = await call('advisory.export', { id, format, ...(format === 'release-notes' ? { prs: [...prs] } : {}) });
  if (result.ok) return { state: 'valid', document: result.value };
  const problems = result.error.data?.problems;
  if (result.error.code === 'ExportInvalid' && Array.isArray(problems) && problems.length > 0) {
    return { state: 'invalid', problems: problems.map((p) => inWords(String(p))) };
  }
  return { state: 'failed', message: inWords(result.error.message) };
}

export function useExportChecks(caseId: string, revision: number, prs: readonly number[]): ExportChecks {
  const prsKey = prs.join(',');
  const [byFormat, setByFormat] = useState<ExportChecks['byFormat']>({});
  const [doneKey, setDoneKey] = useState<string | null>(null);
  const key = `${caseId} ${revision} ${prsKey}`;

  useEffect(() => {
    let current = true;
    const prNumbers = prsKey === '' ? [] : prsKey.split(',').map(Number);
    const timer = window.setTimeout(() => {
      void Promise.all(FORMATS.map(async ({ format }) => [format, await checkFormat(caseId, format, prNumbers)] as const)).then((entries) => {
        if (!current) return;
        setByFormat(Object.fromEntries(entries));
        setDoneKey(`${caseId} ${revision} ${prsKey}`);
      });
    }, CHECK_DELAY_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [caseId, revision, prsKey]);

  return { byFormat, checking: doneKey !== key };
}
