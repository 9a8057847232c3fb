// Native file dialogs. The core has no window, so it answers "no dialog here" (browser mode and
// the CLI type paths instead); the Electron main process answers these methods itself with its
// dialog module after the core's dispatch has validated the call (src/main/dialogs.ts).
import { z } from 'zod';
import { method } from './define.ts';
import { empty } from './common.ts';

const fileFilter = z.strictObject({
  name: z.string().min(1).max(80),
  /** Extensions without the dot ("bundle", "asc"); "*" for any file. */
  extensions: z.array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/)).min(1).max(20),
});

const pickInput = z.strictObject({
  /** The dialog's title: what the path is for ("Backup file", "Upstream clone"). */
  title: z.string().min(1).max(120),
  /** A file, or a folder (an upstream clone, an export folder). */
  kind: z.enum(['file', 'folder']).default('file'),
  filters: z.array(fileFilter).max(10).default([]),
  /** The path already typed in the field, to start the dialog there. */
  defaultPath: z.string().max(4096).optional(),
});

const pickOutput = z.strictObject({
  /** The chosen path, or null when cancelled or when there is no dialog. */
  path: z.string().nullable(),
});

export const platformMethods = {
  'platform.dialogs': method({
    summary: 'Whether this front end has native open/save dialogs (the desktop app) or types paths (browser mode).',
    input: empty,
    output: z.strictObject({ available: z.boolean() }),
    allowWhenLocked: true,
    passive: true,
  }),
  'platform.pickFile': method({
    summary: 'Ask for an existing file or folder with the native open dialog.',
    input: pickInput,
    output: pickOutput,
    allowWhenLocked: true,
  }),
  'platform.pickSaveFile': method({
    summary: 'Ask where to write a new file with the native save dialog.',
    input: pickInput.omit({ kind: true }),
    output: pickOutput,
    allowWhenLocked: true,
  }),
} as const;

export type PickFileInput = z.input<typeof pickInput>;
