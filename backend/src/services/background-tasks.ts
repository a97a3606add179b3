// Work started after a response was sent (webhook processing). At most `concurrency` tasks run
// at once, so a burst of webhooks cannot fill the database with processing while the next
// acknowledgement's insert waits its turn. Past `maxQueued` waiting tasks, new ones are turned
// away: only work that is safe to skip is run here (a webhook event is stored before it is
// queued, and the reconcile sweep processes every stored event that is still unprocessed).
// Tracked so that tests and a graceful shutdown can wait for it; errors are logged, never thrown.
import pLimit from 'p-limit'; // 3.x: the last CommonJS release (the backend is CommonJS)
import type { Logger } from '../logger';

export interface BackgroundTasks {
  /** Queues `task`; false when the queue is full and it was not taken. */
  run(name: string, task: () => Promise<unknown>): boolean;
  /** Resolves when nothing is running or queued (including tasks started by tasks). */
  idle(): Promise<void>;
}

export interface BackgroundTaskLimits {
  concurrency?: number;
  maxQueued?: number;
}

const DEFAULT_TASK_LIMITS = { concurrency: 4, maxQueued: 1000 } as const;

export function createBackgroundTasks(
  log: Logger,
  limits: BackgroundTaskLimits = {},
): BackgroundTasks {
  const { concurrency, maxQueued } = { ...DEFAULT_TASK_LIMITS, ...limits };
  const limit = pLimit(concurrency);
  const tracked = new Set<Promise<unknown>>();
  return {
    run(name, task) {
      if (limit.pendingCount >= maxQueued) {
        log.warn({ task: name, queued: limit.pendingCount }, 'background queue full; task skipped');
        return false;
      }
      const promise = limit(task)
        .catch((err: unknown) => log.error({ err, task: name }, 'background task failed'))
        .finally(() => tracked.delete(promise));
      tracked.add(promise);
      return true;
    },
    async idle() {
      while (tracked.size > 0) await Promise.allSettled([...tracked]);
    },
  };
}
