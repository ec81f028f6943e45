// A background worker's loop (the outbox relay, the job worker): a pass, again at once while it says there is more,
// otherwise after the poll interval or as soon as someone wakes it; stop() waits for the pass under way.
export class PollingLoop {
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private woken = false;

  constructor(
    /** Resolves true when there is more to do right away. A throw is reported and the loop goes on. */
    private readonly pass: () => Promise<boolean>,
    private readonly intervalMs: number,
    private readonly onError: (err: unknown) => void,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** A pass now instead of at the next poll (work was just enqueued or committed). */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loop;
    this.loop = null;
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.woken = false;
      let more = false;
      try {
        more = await this.pass();
      } catch (err) {
        if (this.running) this.onError(err);
      }
      if (!more && !this.woken && this.running) await this.sleep(this.intervalMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }
}
