// `npm run lint:electron`: Doyensec's Electronegativity over the Electron main process, the
// preload and the renderer, offline. Its command line is not used: it fetches translations
// from the network on start (and breaks with the project's commander); its runner is called
// here with the bundled English strings instead, and AvailableSecurityFixesGlobalCheck, which
// downloads Electron's release list, is left out. Fails on any finding above LOW that is not
// suppressed in SUPPRESSED below; every suppression is explained in docs/security.md.
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runnerPath = require.resolve('@doyensec/electronegativity/dist/runner.js');
const i18nPath = join(dirname(runnerPath), 'locales', 'i18n.js');
const i18n = createRequire(runnerPath)('i18n');

// The runner awaits this module's default export before it scans: English, from disk only.
require.cache[i18nPath] = {
  id: i18nPath,
  filename: i18nPath,
  loaded: true,
  exports: {
    __esModule: true,
    default: async () => {
      i18n.configure({ locales: ['en-US'], defaultLocale: 'en-US', directory: dirname(i18nPath), updateFiles: false, objectNotation: true, register: globalThis });
      i18n.setLocale('en-US');
    },
  },
};

/**
 * Findings accepted after review, by check and file; each is explained in docs/security.md.
 * window.ts passes `secureWebPreferences(...)` (security/policy.ts), a function call the checker
 * cannot follow, so it cannot see sandbox, contextIsolation or disableBlinkFeatures there;
 * test/main/window.test.ts proves the window gets exactly those preferences.
 */
export const SUPPRESSED = [
  { id: 'CONTEXT_ISOLATION_JS_CHECK', file: 'src/main/window.ts' },
  { id: 'SANDBOX_JS_CHECK', file: 'src/main/window.ts' },
  { id: 'AUXCLICK_JS_CHECK', file: 'src/main/window.ts' },
];

const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
const SEVERITY_ORDER = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'];

const run = require(runnerPath);
// The version the app is built with: its defaults decide several checks.
const electronVersion = require('electron/package.json').version;
let failed = false;
// One input holding main, preload and renderer: the global checks (CSP, navigation limits, the
// permission handler) must see the main process's wiring to judge the renderer's.
for (const input of process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['src']) {
  const result = await run(
    { input: join(root, input), excludeFromScan: EXCLUDED_CHECKS, isRelative: true, severitySet: 'informational', confidenceSet: 'tentative', electronVersionOverride: electronVersion },
    false,
  );
  const issues = result.issues ?? result;
  for (const issue of issues) {
    const severity = issue.severity.name ?? issue.severity;
    const file = relative(root, join(root, input, issue.file));
    const suppressed = SUPPRESSED.some((s) => s.id === issue.id && s.file === file);
    const aboveLow = SEVERITY_ORDER.indexOf(String(severity).toUpperCase()) > SEVERITY_ORDER.indexOf('LOW');
    const line = `${issue.id} ${severity} ${file}:${issue.location?.line ?? '?'} ${issue.description ?? ''}`;
    if (aboveLow && !suppressed) {
      failed = true;
      console.log(`FAIL ${line}`);
    } else console.log(`${suppressed ? 'suppressed' : 'note'} ${line}`);
  }
  console.log(`electronegativity: ${input}: ${issues.length} finding(s)`);
}
process.exitCode = failed ? 1 : 0;
