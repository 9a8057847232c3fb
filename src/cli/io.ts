// What the CLI reads and writes, passed in so tests can run it in-process.
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  stdinIsTty: boolean;
  stdoutIsTty: boolean;
  /** Reads a line from the terminal without echo (the interactive passphrase prompt). */
  promptHidden(question: string): Promise<string>;
  readStdin(): Promise<string>;
  /** Standard input as a stream, for commands that process it line by line (cvss score -). */
  stdinStream?: AsyncIterable<string | Uint8Array>;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
