// Two backends on one database: a periodic job runs once per period across both, and a killed
// instance's job is picked up by the other at the next period.
import { JobLeaseModel } from '../../src/models/job-lease.model';
import { claimPeriod, startPeriodicJob } from '../../src/services/job-lease.service';
import { connectTestDatabase, dropTestDatabase } from '../helpers/test-database';

beforeAll(async () => {
  await connectTestDatabase();
  await JobLeaseModel.init();
});
afterAll(dropTestDatabase);

const quietLog = { log: { error: jest.fn() } } as never;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('when ten instances claim one period at once, then exactly one gets it', async () => {
  const wins = await Promise.all(
    Array.from({ length: 10 }, (_, i) => claimPeriod('race', 7, `instance-${i}`)),
  );
  expect(wins.filter(Boolean)).toHaveLength(1);
  expect(await claimPeriod('race', 7, 'late')).toBe(false);
  expect(await claimPeriod('race', 8, 'late')).toBe(true);
});

test('when two instances schedule the same job, then it runs once per period', async () => {
  const runs: Array<{ owner: string; period: number }> = [];
  const interval = 150;
  // The period each run claimed: one read from the clock when the task runs could already be
  // the next one (a claim made late in a period answers after it ended, on a loaded machine).
  const task = (owner: string) => async (period: number) => {
    runs.push({ owner, period });
  };
  const stopA = startPeriodicJob(quietLog, 'sweep', interval, task('A'), 'A');
  await sleep(40); // the two timers tick out of phase, as two processes would
  const stopB = startPeriodicJob(quietLog, 'sweep', interval, task('B'), 'B');
  await sleep(interval * 12);
  stopA();
  stopB();

  const periods = runs.map((r) => r.period);
  expect(new Set(periods).size).toBe(periods.length); // never twice in one period
  expect(runs.length).toBeGreaterThanOrEqual(8);
});

test('when the instance running a job is killed, then the other takes it over at the next period', async () => {
  const runs: string[] = [];
  const interval = 150;
  const stopA = startPeriodicJob(
    quietLog,
    'takeover',
    interval,
    async () => void runs.push('A'),
    'A',
  );
  await sleep(interval * 3);
  stopA(); // A is gone without a word; its last claim covers only its period
  const before = runs.length;
  const stopB = startPeriodicJob(
    quietLog,
    'takeover',
    interval,
    async () => void runs.push('B'),
    'B',
  );
  await sleep(interval * 4);
  stopB();
  expect(before).toBeGreaterThanOrEqual(1);
  expect(runs.slice(before).filter((r) => r === 'B').length).toBeGreaterThanOrEqual(2);
});
