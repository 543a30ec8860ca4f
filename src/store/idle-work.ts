// Work the archive's writer does in its idle time (word-delta merges, index-tail folds): started a delay after a
// write asked for it, run as batches of one transaction each (a save or a read waits at most one batch), one run at a
// time, yielding to the event loop between batches.

/** What one batch did: how many items, and whether more are left. */
export interface IdleResult {
  done: number;
  more: boolean;
}

/** One batch; null when there is nothing to run on (no connection). */
export type IdleBatch = () => Promise<IdleResult | null>;

export class IdleWork {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<number> | null = null;

  /** `delayMs` false: never by the timer (tests and benches run it by hand). */
  constructor(
    private readonly delayMs: number | false,
    private readonly batch: IdleBatch,
  ) {}

  /** Run later, unless a run is already due. */
  schedule(): void {
    if (this.delayMs === false || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.run().catch(() => 0);
    }, this.delayMs);
  }

  /** Run every batch now (or join the run under way); resolves to how many items were done. */
  run(): Promise<number> {
    if (this.running) return this.running;
    const p = (this.running = (async () => {
      let total = 0;
      for (;;) {
        const r = await this.batch();
        if (!r) return total;
        total += r.done;
        if (!r.more) return total;
        await new Promise((res) => setTimeout(res, 0));
      }
    })().finally(() => {
      if (this.running === p) this.running = null;
    }));
    return p;
  }

  /** No later run; the one under way finishes first. */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => 0);
  }
}
