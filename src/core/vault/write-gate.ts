// Writes to a vault run side by side (one per case, per document); a few operations need the
// vault still: a backup copies a consistent set of files, a case removal deletes files no write
// may be recreating. Writes pass the gate shared; those operations hold it alone, and their own
// writes (the index recording a removal) pass straight through.
import { AsyncLocalStorage } from 'node:async_hooks';

export class WriteGate {
  private readonly holder = new AsyncLocalStorage<WriteGate>();
  private writers = 0;
  private drained: (() => void) | null = null;
  private barrier: Promise<void> | null = null;

  async shared<T>(work: () => Promise<T>): Promise<T> {
    if (this.holder.getStore() === this) return work();
    while (this.barrier) await this.barrier;
    this.writers += 1;
    try {
      return await work();
    } finally {
      this.writers -= 1;
      if (this.writers === 0) this.drained?.();
    }
  }

  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.holder.getStore() === this) return work();
    while (this.barrier) await this.barrier;
    let release!: () => void;
    this.barrier = new Promise<void>((resolve) => (release = resolve));
    try {
      while (this.writers > 0) await new Promise<void>((resolve) => (this.drained = resolve));
      return await this.holder.run(this, work);
    } finally {
      this.drained = null;
      this.barrier = null;
      release();
    }
  }
}
