// The desktop app's answer to the contract's dialog methods (src/shared/contract/platform.ts):
// the call goes through the core's dispatch first (input validated, counted as activity), whose
// answer is "no dialog here"; then main shows Electron's native dialog, attached to the window,
// and answers with the chosen path. Every other method passes through untouched.
import type { BrowserWindow, OpenDialogOptions, OpenDialogReturnValue, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import type { Dispatch } from '../shared/contract/dispatch.ts';
import { contract } from '../shared/contract/index.ts';

/** The part of Electron's `dialog` module used here (a fake in test/main/dialogs.test.ts). */
export interface NativeDialogs {
  showOpenDialog(window: BrowserWindow, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showSaveDialog(window: BrowserWindow, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
}

const PICKERS = new Set(['platform.dialogs', 'platform.pickFile', 'platform.pickSaveFile']);

export function withNativeDialogs(dispatch: Dispatch, dialogs: NativeDialogs, mainWindow: () => BrowserWindow | null): Dispatch {
  return async (method, input) => {
    const checked = await dispatch(method, input);
    if (!PICKERS.has(method) || !checked.ok) return checked;
    const window = mainWindow();
    // No window (closing): the same answer as browser mode, never a dialog floating alone.
    if (window === null) return checked;
    if (method === 'platform.dialogs') return { ok: true, value: { available: true } };
    try {
      if (method === 'platform.pickFile') {
        const options = contract['platform.pickFile'].input.parse(input);
        const answer = await dialogs.showOpenDialog(window, {
          title: options.title,
          ...(options.defaultPath ? { defaultPath: options.defaultPath } : {}),
          properties: [options.kind === 'folder' ? 'openDirectory' : 'openFile', 'dontAddToRecent'],
          filters: options.filters,
        });
        return { ok: true, value: { path: answer.canceled ? null : (answer.filePaths[0] ?? null) } };
      }
      const options = contract['platform.pickSaveFile'].input.parse(input);
      const answer = await dialogs.showSaveDialog(window, {
        title: options.title,
        ...(options.defaultPath ? { defaultPath: options.defaultPath } : {}),
        filters: options.filters,
        properties: ['createDirectory', 'showOverwriteConfirmation', 'dontAddToRecent'],
      });
      return { ok: true, value: { path: answer.canceled || !answer.filePath ? null : answer.filePath } };
    } catch (error) {
      return { ok: false, error: { code: 'Internal', message: `The file dialog failed: ${(error as Error).message}`, data: {} } };
    }
  };
}
