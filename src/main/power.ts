// Locks the vault when the machine sleeps or the screen locks: an unattended laptop must not
// hold an open vault. The renderer is told so it shows the unlock screen at once.
import { powerMonitor } from 'electron';

export function lockOnSuspend(lock: () => Promise<void>, notify: () => void): void {
  const lockNow = (): void => {
    void lock().then(notify, (error: unknown) => console.error('Locking the vault failed:', error));
  };
  powerMonitor.on('suspend', lockNow);
  powerMonitor.on('lock-screen', lockNow);
}
