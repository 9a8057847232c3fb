// The `cve` command lines (cvelib, RedHatProductSecurity/cvelib) the user runs on a connected
// machine. Syntax as cvelib documents it (read for this module):
//   man/cve-validate.1 (1.6.0): `cve validate [-f FILE | -j TEXT] [-s full|cna-published|cna-rejected|adp]`,
//     default schema type cna-published;
//   man/cve-publish.1 (1.2.x–1.7.x, also the Ubuntu python3-cvelib manpages): `cve publish CVE_ID
//     -f/--cve-json-file FILE` or `-j/--cve-json TEXT`; CVE Services takes the CNA container only,
//     so the file holds `containers.cna`;
//   man/cve-show.1: `cve show -r/--show-record CVE_ID` prints the published record;
//   man/cve-reject.1 (1.4.0): `cve reject CVE_ID -j '{"rejectedReasons": [{"lang": "en", "value": "…"}]}'`;
//   man/cve.1: credentials from CVE_USER, CVE_ORG, CVE_API_KEY (or -u/-o/-a).
// Every value put on a command line is a CVE ID or a file name we chose, matched by a strict
// pattern, so no shell quoting is needed beyond the fixed JSON of the reject reason.
import { CVE_ID_PATTERN } from '../../shared/contract/cna.ts';

function requireId(cve: string): string {
  if (!CVE_ID_PATTERN.test(cve)) throw new Error(`not a CVE ID: ${cve}`);
  return cve;
}

export function publishCommands(cve: string, files: { record: string; signature: string; cnaContainer: string }): string[] {
  const id = requireId(cve);
  return [
    `gpg --verify ${files.signature} ${files.record}`,
    `cve validate -s full -f ${files.record}`,
    `cve validate -s cna-published -f ${files.cnaContainer}`,
    `cve publish ${id} -f ${files.cnaContainer}`,
    `cve show -r ${id}`,
  ];
}

/** The year-end reject list: one `cve reject` per unused reserved ID. */
export function rejectCommands(ids: readonly string[]): string[] {
  const reason = JSON.stringify({ rejectedReasons: [{ lang: 'en', value: 'This candidate was reserved but not used.' }] });
  return ids.map((cve) => `cve reject ${requireId(cve)} -j '${reason}'`);
}
