// `npm run bench [-- NAME...]`: runs the benchmarks and prints figures (and ratios against the
// reference tools where there is one). No assertions: speed is measured here, not in tests.
import { runVaultBench } from './vault.ts';
import { runCvssBench } from './cvss.ts';
import { runPgpBench } from './pgp.ts';
import { runWorkspaceBench } from './workspace.ts';
import { runCliBench } from './cli.ts';
import { runTeamBench } from './team.ts';
import { runUiBench } from './ui.ts';

const benches: Record<string, () => Promise<void>> = {
  vault: runVaultBench,
  cvss: runCvssBench,
  pgp: runPgpBench,
  workspace: runWorkspaceBench,
  cli: runCliBench,
  team: runTeamBench,
  ui: runUiBench,
};

const wanted = process.argv.slice(2);
const names = wanted.length > 0 ? wanted : Object.keys(benches);
for (const name of names) {
  const bench = benches[name];
  if (!bench) {
    console.error(`unknown benchmark ${name}; known: ${Object.keys(benches).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n=== ${name} ===`);
  await bench();
}
