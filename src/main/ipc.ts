// The one IPC channel: check the sender of every call, then hand (method, input) to the same
// dispatch that browser mode and the CLI use.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { Dispatch } from '../shared/contract/dispatch.ts';
import type { Result } from '../shared/errors.ts';
import { CALL_CHANNEL } from './channels.ts';
import { isAllowedSender, type LoadTarget } from './security/policy.ts';

const REFUSED: Result<never> = {
  ok: false,
  error: { code: 'Unauthorized', message: 'This call did not come from the Embargo window and was refused.', data: {} },
};

export function bindIpc(dispatch: Dispatch, target: LoadTarget, mainWindow: () => BrowserWindow | null): void {
  ipcMain.handle(CALL_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    const window = mainWindow();
    const frame = event.senderFrame;
    const allowed = isAllowedSender(
      {
        frameUrl: frame?.url,
        isMainFrame: frame !== null && window !== null && frame === window.webContents.mainFrame,
        isOurWindow: window !== null && event.sender === window.webContents,
      },
      target,
    );
    if (!allowed) {
      console.warn(`Refused an IPC call from ${frame?.url ?? 'a destroyed frame'}.`);
      return REFUSED;
    }
    return dispatch(typeof method === 'string' ? method : '', input);
  });
}
