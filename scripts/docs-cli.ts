// Writes docs/cli.md from the CLI's own command definitions.
import { writeFileSync } from 'node:fs';
import { cliReference } from '../src/cli/reference.ts';

writeFileSync(new URL('../docs/cli.md', import.meta.url), cliReference());
console.log('docs/cli.md written');
