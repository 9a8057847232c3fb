// Copying embargoed text (a retrospective draft, a vector, a key) to the system clipboard, which
// every other program can read: the copy is cleared again after 30 seconds, as KeePassXC does.
// It is cleared only if the clipboard still holds our text — or if the clipboard cannot be read
// (the desktop session refuses clipboard reads), in which case clearing is the safe choice.
export const CLIPBOARD_CLEAR_MS = 30_000;

let pending: ReturnType<typeof setTimeout> | null = null;

export async function copyWithAutoClear(text: string, clearAfterMs = CLIPBOARD_CLEAR_MS): Promise<void> {
  await navigator.clipboard.writeText(text);
  if (pending) clearTimeout(pending);
  pending = setTimeout(() => {
    pending = null;
    void clearIfStillOurs(text);
  }, clearAfterMs);
}

async function clearIfStillOurs(text: string): Promise<void> {
  let current: string | null = null;
  try {
    current = await navigator.clipboard.readText();
  } catch {
    current = null; // unreadable: clear anyway
  }
  if (current !== null && current !== text) return;
  try {
    await navigator.clipboard.writeText('');
  } catch {
    // The window lost focus and the browser refuses writes from a timer; nothing more we can do.
  }
}
