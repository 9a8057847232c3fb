// CWE names, from the catalogue BSI's CSAF validator checks CSAF documents against (CSAF test
// 6.1.11 requires the name to match the id). CVE problem types and CSAF both need the name.
import { weaknesses } from '@secvisogram/csaf-validator-lib/cwe.js';

const NAMES = new Map(weaknesses.map((weakness) => [weakness.id, weakness.name]));

/** The CWE's name, or undefined when the catalogue does not know the id. */
export function cweName(id: string): string | undefined {
  return NAMES.get(id);
}
