// What every advisory builder works from: the case, who publishes, the time, and the
// cherry-pick PRs; plus the checks they share, which turn missing data into ExportInvalid
// errors that say, in words, which fields to fill in.
import { isReleased } from '../../shared/rules/embargo.ts';
import type { AdvisoryPublisher, CaseRecord } from '../../shared/contract/index.ts';
import { EmbargoError } from '../../shared/errors.ts';
import { parseAffectedRange, type VersionInterval } from './version-ranges.ts';

export interface Publisher {
  cnaOrgId: string;
  cnaShortName: string;
  vendor: string;
  repo: string | undefined;
  osvEcosystem: string;
  csafPublisherName: string;
  csafPublisherNamespace: string;
  securityContact: string;
  /** The CNA's naming per case product name (vendor, product, package coordinates). */
  products: NonNullable<AdvisoryPublisher['products']>;
}

/** How the CNA names a product of the case: its vendor and product name, package coordinates. */
export function cnaProduct(publisher: Publisher, product: string): { vendor: string; product: string; collectionURL?: string; packageName?: string } {
  const naming = publisher.products[product] ?? {};
  return {
    vendor: naming.vendor ?? publisher.vendor,
    product: naming.product ?? product,
    ...(naming.collectionURL ? { collectionURL: naming.collectionURL } : {}),
    ...(naming.packageName ? { packageName: naming.packageName } : {}),
  };
}

/** The Kubernetes CNA (the default process profile's project), as its published records show. */
export const KUBERNETES_PUBLISHER: Publisher = {
  cnaOrgId: 'a6081bf6-c852-4425-ad4f-a67919267565',
  cnaShortName: 'kubernetes',
  vendor: 'Kubernetes',
  repo: 'https://github.com/kubernetes/kubernetes',
  osvEcosystem: 'Kubernetes',
  csafPublisherName: 'Kubernetes Security Response Committee',
  csafPublisherNamespace: 'https://kubernetes.io',
  securityContact: 'security@kubernetes.io',
  products: {},
};

export function resolvePublisher(overrides: AdvisoryPublisher | undefined): Publisher {
  const chosen: Publisher = { ...KUBERNETES_PUBLISHER };
  for (const [key, value] of Object.entries(overrides ?? {})) {
    if (value !== undefined) (chosen as unknown as Record<string, unknown>)[key] = value;
  }
  return chosen;
}

export interface ExportContext {
  record: CaseRecord;
  publisher: Publisher;
  now: Date;
  prs: number[];
  /** CVE: write the CNA container alone (cvelib's `cve publish -f` input) instead of the record. */
  cnaContainerOnly?: boolean;
  /** CSAF: the TLP label under embargo (default AMBER). */
  embargoTlp?: 'RED' | 'AMBER';
}

/** The product lines of the case: each affected product once, its intervals and fixed versions. */
export interface ProductLine {
  product: string;
  intervals: VersionInterval[];
  fixed: string[];
}

export function productLines(record: CaseRecord): ProductLine[] {
  const lines = new Map<string, ProductLine>();
  for (const { product, range } of record.affected) {
    const line = lines.get(product) ?? { product, intervals: [], fixed: [] };
    for (const interval of parseAffectedRange(product, range)) {
      if (!line.intervals.some((known) => JSON.stringify(known) === JSON.stringify(interval))) line.intervals.push(interval);
    }
    lines.set(product, line);
  }
  for (const { product, version } of record.fixed) {
    const line = lines.get(product);
    if (line && !line.fixed.includes(version)) line.fixed.push(version);
  }
  return [...lines.values()];
}

/** Fixed versions of products the case does not list as affected (they cannot be placed). */
export function strayFixed(record: CaseRecord): string[] {
  const affected = new Set(record.affected.map((a) => a.product));
  return record.fixed.filter((f) => !affected.has(f.product)).map((f) => `${f.product}@${f.version}`);
}

/** Collects what a format needs and the case lacks; throws one ExportInvalid naming all of it. */
export class Requirements {
  private readonly problems: string[] = [];
  constructor(private readonly format: string) {}

  need(condition: boolean, problem: string): this {
    if (!condition) this.problems.push(problem);
    return this;
  }

  check(): void {
    if (this.problems.length === 0) return;
    throw exportInvalid(this.format, this.problems);
  }
}

export function exportInvalid(format: string, problems: string[]): EmbargoError {
  const list = problems.map((p) => `${p}`).join('; ');
  return new EmbargoError('ExportInvalid', `The ${format} export was not written: ${list}.`, { format, problems });
}

/** The case's CWE IDs, each once, in order. */
export function uniqueCwes(record: CaseRecord): string[] {
  return [...new Set(record.cwe)];
}

/** The case's credits, each name and role once, in order. */
export function uniqueCredits(record: CaseRecord): CaseRecord['credits'] {
  const seen = new Set<string>();
  return record.credits.filter((credit) => {
    const key = `${credit.type}\u0000${credit.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Release Date passed: the case is public (the shared embargo rule). */
export function isPublic(record: CaseRecord, now: Date): boolean {
  return isReleased(record, now);
}

export const GENERATOR = { name: 'Embargo', version: '0.1.0' };
