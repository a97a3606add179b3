// Periodic work across instances: each instance keeps its own timer, and every tick tries to
// claim the current period of the job in MongoDB. One claim per period succeeds, so the job runs
// once per interval however many backends share the database. A small lease document rather
// than Agenda: the jobs are "run this sweep now", already safe to overlap (their own claims keep
// work from doubling), so a per-period claim is all that is needed; Agenda would add a job
// collection, its own polling and a second scheduler's failure modes for no gain here.
import { isDuplicateKey } from '../db/connect';
import { JobLeaseModel } from '../models/job-lease.model';
import type { ServiceContext } from './context';
import { INSTANCE_ID } from './instance';

/** True when `owner` claimed `period` of `job`: nobody else will run it. */
export async function claimPeriod(job: string, period: number, owner: string): Promise<boolean> {
  try {
    const claimed = await JobLeaseModel.updateOne(
      { _id: job, period: { $lt: period } },
      { $set: { period, owner, claimedAt: new Date() } },
      { upsert: true },
    );
    return claimed.modifiedCount + claimed.upsertedCount === 1;
  } catch (err) {
    // The document exists with this period (or a later one): the upsert's insert lost the race.
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

/**
 * Runs `task` once per `intervalMs` across every instance on the database, never two runs at
 * once in this process; it is given the period it claimed. Returns a stop function.
 */
export function startPeriodicJob(
  ctx: Pick<ServiceContext, 'log'>,
  job: string,
  intervalMs: number,
  task: (period: number) => Promise<void>,
  owner = INSTANCE_ID,
): () => void {
  if (intervalMs <= 0) return () => {};
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    const period = Math.floor(Date.now() / intervalMs);
    claimPeriod(job, period, owner)
      .then((mine) => (mine ? task(period) : undefined))
      .catch((err: unknown) => ctx.log.error({ err, job }, 'periodic job failed'))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
