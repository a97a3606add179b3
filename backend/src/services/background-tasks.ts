// Work started after a response was sent (webhook processing). Tracked so that tests and a
// graceful shutdown can wait for it; errors are logged, never thrown into the void.
import type { Logger } from '../logger';

export interface BackgroundTasks {
  run(name: string, task: () => Promise<unknown>): void;
  /** Resolves when nothing is running (including tasks started by tasks). */
  idle(): Promise<void>;
}

export function createBackgroundTasks(log: Logger): BackgroundTasks {
  const running = new Set<Promise<unknown>>();
  return {
    run(name, task) {
      const promise = Promise.resolve()
        .then(task)
        .catch((err: unknown) => log.error({ err, task: name }, 'background task failed'))
        .finally(() => running.delete(promise));
      running.add(promise);
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
