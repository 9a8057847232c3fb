// The core's answer to the dialog methods: there is no window here. The desktop app's main
// process replaces these answers with its native dialogs (src/main/dialogs.ts); browser mode
// and the CLI keep their path fields.
import type { Handlers } from '../../shared/contract/index.ts';

type PlatformMethods = 'platform.dialogs' | 'platform.pickFile' | 'platform.pickSaveFile';

export function noDialogHandlers(): Pick<Handlers, PlatformMethods> {
  return {
    'platform.dialogs': () => Promise.resolve({ available: false }),
    'platform.pickFile': () => Promise.resolve({ path: null }),
    'platform.pickSaveFile': () => Promise.resolve({ path: null }),
  };
}
