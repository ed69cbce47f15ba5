/**
 * Background work of the sandbox (status webhooks after a delay): tracked so tests can
 * wait for it (`idle()`) and so `reset()`/`close()` can cancel it.
 */
export class Scheduler {
  #timers = new Map<ReturnType<typeof setTimeout>, () => void>();
  #running = new Set<Promise<void>>();
  #generation = 0;
  #closed = false;
  readonly abort = new AbortController();

  /** The current generation: work started before a reset sees a different one and stops. */
  get generation(): number {
    return this.#generation;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Resolves true after `ms`, or false at once when cancelled (reset/close) meanwhile. */
  sleep(ms: number): Promise<boolean> {
    if (this.#closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        resolve(true);
      }, ms);
      this.#timers.set(timer, () => resolve(false));
    });
  }

  /** Runs a task in the background; errors are swallowed (the task records its own failures). */
  spawn(task: () => Promise<void>): void {
    if (this.#closed) return;
    const running = task().catch(() => undefined);
    this.#running.add(running);
    void running.finally(() => this.#running.delete(running));
  }

  /** Resolves once no background task is left. */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.allSettled([...this.#running]);
  }

  /** Cancels every pending sleep; running tasks see a new generation. */
  cancelAll(): void {
    this.#generation += 1;
    for (const [timer, cancel] of this.#timers) {
      clearTimeout(timer);
      cancel();
    }
    this.#timers.clear();
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.cancelAll();
    this.abort.abort();
    await this.idle();
  }
}
