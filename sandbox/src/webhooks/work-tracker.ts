/**
 * Counts in-flight deliveries and scheduled retries so `idle()` can tell when webhook traffic has
 * settled, and `close()` can cancel every timer and request (so Jest exits cleanly).
 */
export class WorkTracker {
  private pending = 0;
  private waiters: (() => void)[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly controllers = new Set<AbortController>();
  closed = false;

  track(promise: Promise<unknown>): void {
    this.pending++;
    promise
      .catch(() => undefined)
      .finally(() => {
        this.pending--;
        this.settle();
      });
  }

  /** Runs `task` after `ms`; the wait counts as pending work. Timers never hold the process open. */
  schedule(ms: number, task: () => Promise<unknown>): void {
    if (this.closed) return;
    this.pending++;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.track(task());
      this.pending--;
      this.settle();
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }

  controller(): AbortController {
    const controller = new AbortController();
    this.controllers.add(controller);
    return controller;
  }

  release(controller: AbortController): void {
    this.controllers.delete(controller);
  }

  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) {
      clearTimeout(timer);
      this.pending--;
    }
    this.timers.clear();
    for (const controller of this.controllers) controller.abort(new Error('sandbox closed'));
    this.settle();
  }

  private settle(): void {
    if (this.pending > 0 && !this.closed) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
