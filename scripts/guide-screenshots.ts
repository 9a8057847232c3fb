// Copies the screenshots the user guide shows from the last E2E run (test-results/screenshots)
// into docs/guide/. Run `npm run test:e2e` first, then `npm run docs:screenshots`.
import { copyFileSync, existsSync } from 'node:fs';

export const GUIDE_SCREENSHOTS = [
  'first-run-light',
  'new-case-dialog-light',
  'process-demo-case-list-light',
  'process-demo-timeline-light',
  'process-demo-checklist-light',
  'process-leak-decision-light',
  'cvss-calculator-v31-light',
  'advisory-valid-light',
  'keyring-verify-light',
  'distributors-review-light',
  'workspace-matrix-light',
  'workspace-export-patches-light',
  'mail-composer-light',
  'mail-fill-all-light',
  'keyring-revoked-light',
  'process-retrospective-light',
  'unlock-error-dark',
  'demo-case-workspace-light',
  'demo-case-mail-light',
  'demo-page-distributors-light',
  'demo-page-keyring-light',
];

let missing = 0;
for (const name of GUIDE_SCREENSHOTS) {
  const from = new URL(`../test-results/screenshots/${name}.png`, import.meta.url);
  if (!existsSync(from)) {
    console.error(`missing ${name}.png: run npm run test:e2e first`);
    missing += 1;
    continue;
  }
  copyFileSync(from, new URL(`../docs/guide/${name}.png`, import.meta.url));
}
console.log(`${GUIDE_SCREENSHOTS.length - missing} screenshots copied to docs/guide/`);
process.exitCode = missing > 0 ? 1 : 0;
