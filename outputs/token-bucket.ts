/**
 * A token bucket: `capacity` calls at once, refilled at `ratePerSecond`. Security Hub allows
 * BatchImportFindings 10 calls/s per account and Region with a burst of 30; a bucket of 10 at
 * 10/s keeps a run at the sustained rate (at most capacity + rate × t calls in any t seconds).
 */
export class TokenBucket {
  #tokens: number;
  #last: number;
  /** A queue, so waiters are served in order and never race for one token. */
  #queue: Promise<void> = Promise.resolve();

  constructor(
    readonly ratePerSecond: number,
    readonly capacity: number,
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((r) => setTimeout(r, ms)),
  ) {
    if (!(ratePerSecond > 0) || !(capacity >= 1)) {
      throw new Error(`a token bucket needs a positive rate and a capacity of at least 1`);
    }
    this.#tokens = capacity;
    this.#last = now();
  }

  /** Resolves when a token is taken. */
  take(): Promise<void> {
    const turn = this.#queue.then(() => this.#takeNow());
    this.#queue = turn.catch(() => {});
    return turn;
  }

  async #takeNow(): Promise<void> {
    for (;;) {
      const t = this.now();
      this.#tokens = Math.min(
        this.capacity,
        this.#tokens + ((t - this.#last) / 1000) * this.ratePerSecond,
      );
      this.#last = t;
      if (this.#tokens >= 1) {
        this.#tokens -= 1;
        return;
      }
      await this.sleep(Math.ceil(((1 - this.#tokens) / this.ratePerSecond) * 1000));
    }
  }
}
