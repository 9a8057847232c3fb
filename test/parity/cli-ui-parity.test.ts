// Everything the CLI can do, the window can do: walks the CLI's command tree and the renderer's
// sources, and names every command with no place in the window (issue 17, point 1).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { isMethodName, methodNames } from '../../src/shared/contract/index.ts';
import { CLI_TO_UI, NOT_YET_IN_WINDOW, TERMINAL_ONLY } from './cli-ui-map.ts';

function cliCommands(): string[] {
  const io = { stdout: () => {}, stderr: () => {}, env: {}, stdinIsTty: false, stdoutIsTty: false } as unknown as CliIo;
  const program = buildProgram(io, () => async () => {});
  const leaves: string[] = [];
  const walk = (command: Command, path: string[]): void => {
    if (command.commands.length === 0 && path.length > 0) leaves.push(path.join(' '));
    for (const sub of command.commands) walk(sub, [...path, sub.name()]);
  };
  walk(program, []);
  return leaves;
}

function sourcesUnder(dir: string): string {
  let text = '';
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) text += sourcesUnder(path);
    else if (/\.tsx?$/.test(name)) text += readFileSync(path, 'utf8');
  }
  return text;
}

/** Contract methods the renderer names as a string literal: `call('x.y', …)`, `useQuery('x.y', …)`, or a method chosen at run time. */
function rendererMethods(): Set<string> {
  const text = sourcesUnder(new URL('../../src/renderer', import.meta.url).pathname);
  return new Set(methodNames.filter((method) => text.includes(`'${method}'`)));
}

describe('CLI–UI parity', () => {
  const commands = cliCommands();
  const inUi = rendererMethods();

  it('every CLI command has a place in the window, a reasoned terminal-only entry, or a named gap', () => {
    const unaccounted = commands.filter((c) => !(c in CLI_TO_UI) && !(c in TERMINAL_ONLY) && !(c in NOT_YET_IN_WINDOW));
    expect(unaccounted, `CLI commands with no UI counterpart: ${unaccounted.join(', ')}`).toEqual([]);
  });

  it('the map names only commands that exist, each in one list', () => {
    const listed = [...Object.keys(CLI_TO_UI), ...Object.keys(TERMINAL_ONLY), ...Object.keys(NOT_YET_IN_WINDOW)];
    expect(listed.filter((c) => !commands.includes(c)), 'no such CLI command').toEqual([]);
    expect(listed.filter((c, i) => listed.indexOf(c) !== i), 'listed twice').toEqual([]);
  });

  it('each mapped place calls one of its contract methods from the renderer', () => {
    const missing = Object.entries(CLI_TO_UI)
      .filter(([, place]) => !place.methods.some((method) => inUi.has(method)))
      .map(([command, place]) => `${command} (${place.ui}: ${place.methods.join(' | ')})`);
    expect(missing, `UI places that call none of their methods: ${missing.join('; ')}`).toEqual([]);
    const unknown = Object.values(CLI_TO_UI).flatMap((place) => place.methods).filter((m) => !isMethodName(m));
    expect(unknown, 'not contract methods').toEqual([]);
  });

  it('a named gap that the window now covers leaves the gap list', () => {
    // Each gap names the method its command calls (the CLI source must really call it); once the
    // renderer names it too, the gap is closed.
    const cli = sourcesUnder(new URL('../../src/cli', import.meta.url).pathname);
    const gaps = Object.entries(NOT_YET_IN_WINDOW);
    expect(gaps.filter(([, gap]) => !gap.methods.every((m) => cli.includes(`'${m}'`))).map(([c]) => c), 'the CLI does not call these').toEqual([]);
    const closed = gaps.filter(([, gap]) => gap.methods.some((m) => inUi.has(m))).map(([c]) => c);
    expect(closed, 'move these to CLI_TO_UI').toEqual([]);
  });
});
