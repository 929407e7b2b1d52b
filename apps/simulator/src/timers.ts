/** Timers that can all be cancelled at once when the simulator closes. */
export class Timers {
  private readonly pending = new Map<NodeJS.Timeout, () => void>();
  private closed = false;

  /** runs `fn` after `ms`, unless cleared first */
  after(ms: number, fn: () => void): void {
    if (this.closed) return;
    const handle = setTimeout(() => {
      this.pending.delete(handle);
      fn();
    }, ms);
    this.pending.set(handle, () => undefined);
  }

  /** resolves after `ms`, or at once when the timers are cleared */
  sleep(ms: number): Promise<void> {
    if (this.closed || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const handle = setTimeout(() => {
        this.pending.delete(handle);
        resolve();
      }, ms);
      this.pending.set(handle, resolve);
    });
  }

  clearAll(): void {
    this.closed = true;
    for (const [handle, release] of this.pending) {
      clearTimeout(handle);
      release();
    }
    this.pending.clear();
  }
}
