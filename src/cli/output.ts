// Output for people (aligned, coloured only on a TTY) or for scripts (--json).
import type { CliIo } from './io.ts';

export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

export function printJsonLine(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value)}\n`);
}

export function bold(io: CliIo, text: string): string {
  return io.stdoutIsTty ? `\u001b[1m${text}\u001b[0m` : text;
}

export function dim(io: CliIo, text: string): string {
  return io.stdoutIsTty ? `\u001b[2m${text}\u001b[0m` : text;
}

/** Prints rows as aligned columns under a header. */
export function printTable(io: CliIo, header: string[], rows: string[][]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  io.stdout(`${bold(io, line(header))}\n`);
  for (const row of rows) io.stdout(`${line(row)}\n`);
}

/** Prints key: value pairs aligned on the colon. */
export function printFields(io: CliIo, fields: [string, string][]): void {
  const width = Math.max(...fields.map(([key]) => key.length));
  for (const [key, value] of fields) io.stdout(`${dim(io, `${key}:`.padEnd(width + 1))} ${value}\n`);
}

/** UTC and the machine's local zone side by side, as every deadline is shown. */
export function bothZones(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  const utc = `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const local = date.toLocaleString('en-GB', {
    year: 'numeric',
    month: 'short',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  return `${utc} (${local})`;
}
