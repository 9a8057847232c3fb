// Bundles the CLI (src/cli) into ESM JavaScript under out/cli/, so `embargo` starts without
// compiling TypeScript (bin/embargo.js falls back to tsx when this bundle is missing or older
// than its sources). npm packages are bundled too: zod alone is ~95 ES modules, and reading
// and linking them cost more than the CLI's own code. Code splitting keeps every dynamic
// import() a separate chunk, so openpgp, the CSAF validator, ajv, isomorphic-git and nodemailer
// still load only when a command needs them. CommonJS packages inside an ES module bundle need
// a real `require` for Node's built-in modules: the banner gives them one.
// out/cli/manifest.json lists the bundled sources and when the build started (bin/embargo.js
// compares their modification times with it), and which npm packages each output file holds
// (test/cli/lazy-loading.test.ts reads it). `--outdir DIR` builds elsewhere (that test).
import { parseArgs } from 'node:util';
import { rename } from 'node:fs/promises';
import { build } from 'esbuild';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
const outdir = values.outdir ?? `${root}out/cli`;
// Built beside the target and moved into place, so a CLI started meanwhile sees the old bundle
// or the new one, not half of one.
const staging = `${outdir}.building-${process.pid}`;
const startedAt = Date.now();

await rm(staging, { recursive: true, force: true });
await mkdir(staging, { recursive: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: staging,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  banner: { js: "import { createRequire as __embargoCreateRequire } from 'node:module'; const require = __embargoCreateRequire(import.meta.url);" },
  // Flat, so a chunk sits as deep as its source did (src/cli/…): paths relative to
  // import.meta.url (package.json, resources/schemas) resolve the same from both.
  chunkNames: '[name]-[hash]',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
});
// The project's own sources; a changed package comes with a changed package-lock.json.
const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.includes('node_modules/'));
const packageOf = (input) => input.split('node_modules/').pop().split('/').slice(0, input.includes('node_modules/@') ? 2 : 1).join('/');
const packages = {};
for (const [file, output] of Object.entries(result.metafile.outputs)) {
  if (!file.endsWith('.js')) continue;
  const held = [...new Set(Object.keys(output.inputs).filter((input) => input.includes('node_modules/')).map(packageOf))].sort();
  if (held.length > 0) packages[file.slice(file.lastIndexOf('/') + 1)] = held;
}
const manifest = { startedAt, inputs: [...inputs, 'package.json', 'package-lock.json'], packages };
await writeFile(`${staging}/manifest.json`, `${JSON.stringify(manifest, null, 1)}\n`);
await rm(outdir, { recursive: true, force: true });
await rename(staging, outdir);
console.log(`out/cli: ${inputs.length} sources bundled`);
