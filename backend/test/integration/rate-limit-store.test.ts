// The shared rate-limit count: exact near the limit, batched far from it, across two instances
// (two stores on one database are what two backends are to it).
import type { Options } from 'express-rate-limit';
import mongoose from 'mongoose';
import { FLUSH_MS, MongoRateLimitStore } from '../../src/middleware/mongo-rate-limit-store';
import { RateLimitHitModel } from '../../src/models/rate-limit-hit.model';
import { connectTestDatabase, dropTestDatabase } from '../helpers/test-database';

beforeAll(connectTestDatabase);
afterAll(dropTestDatabase);
beforeEach(() => RateLimitHitModel.deleteMany({}));

function instance(limit: number, windowMs = 60_000): MongoRateLimitStore {
  const store = new MongoRateLimitStore('test');
  store.init({ limit, windowMs } as Options);
  return store;
}

/** Counts the commands sent to the rate-limit collection while `run` runs. */
async function writesDuring(run: () => Promise<unknown>): Promise<number> {
  let writes = 0;
  mongoose.set('debug', (collection: string) => {
    if (collection === 'rate_limit_hits') writes++;
  });
  try {
    await run();
  } finally {
    mongoose.set('debug', false);
  }
  return writes;
}

const stored = async (key: string) =>
  (await RateLimitHitModel.findById(`test:${key}`).lean())?.hits;

test('when two instances share a limit of 100 and 300 hits arrive ten at a time, then 100 to 105 are admitted and all 300 are counted', async () => {
  const [a, b] = [instance(100), instance(100)];
  const hits: number[] = [];
  let sent = 0;
  const writes = await writesDuring(() =>
    Promise.all(
      Array.from({ length: 10 }, async () => {
        while (sent < 300) hits.push((await (sent++ % 2 ? a : b).increment('client')).totalHits);
      }),
    ),
  );
  expect(writes).toBeLessThan(300); // some were counted locally
  const admitted = hits.filter((h) => h <= 100).length;
  expect(admitted).toBeGreaterThanOrEqual(100);
  expect(admitted).toBeLessThanOrEqual(100 + 5); // limit + (2 − 1) × batch
  await Promise.all([a.flush(), b.flush()]);
  expect(await stored('client')).toBe(300);
});

test('when one client stays far below the limit, then its hits are written in batches and all reach the database', async () => {
  const store = instance(1000); // batch 50, local up to 500
  const writes = await writesDuring(async () => {
    for (let i = 0; i < 200; i++) await store.increment('quiet');
  });
  // The first hit creates the window (find, reset, insert); then one write per batch of 50.
  expect(writes).toBeLessThanOrEqual(3 + 200 / 50);
  await store.flush();
  expect(await stored('quiet')).toBe(200);
});

test('when local hits wait, then the timer writes them within a second', async () => {
  const store = instance(1000);
  for (let i = 0; i < 10; i++) await store.increment('waiting');
  expect(await stored('waiting')).toBe(1);
  await new Promise((r) => setTimeout(r, FLUSH_MS + 300));
  expect(await stored('waiting')).toBe(10);
});

test('when a limit is under 20, then every hit is written at once', async () => {
  const [a, b] = [instance(5), instance(5)];
  const hits = await Promise.all(
    Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).increment('strict')),
  );
  expect(hits.filter((h) => h.totalHits <= 5)).toHaveLength(5);
  expect(await stored('strict')).toBe(10);
  expect(a.tracked + b.tracked).toBe(0);
});

test('when 10,000 clients were seen and their window ended, then the instance keeps none of them', async () => {
  const store = instance(1000);
  const clients = Array.from({ length: 10_000 }, (_, i) => `c${i}`);
  const resetAt = new Date(Date.now() + 60_000);
  await RateLimitHitModel.insertMany(clients.map((c) => ({ _id: `test:${c}`, hits: 0, resetAt })));
  for (let i = 0; i < clients.length; i += 500)
    await Promise.all(clients.slice(i, i + 500).map((c) => store.increment(c)));
  expect(store.tracked).toBe(10_000);
  const later = jest.spyOn(Date, 'now').mockReturnValue(resetAt.getTime() + 1);
  try {
    await store.flush();
  } finally {
    later.mockRestore();
  }
  expect(store.tracked).toBe(0);
}, 120_000);

test('when a hit is taken back, then a local one is dropped before the database is asked', async () => {
  const store = instance(1000);
  await store.increment('undo'); // written: 1
  await store.increment('undo'); // local: 1 pending
  const writes = await writesDuring(() => store.decrement('undo'));
  expect(writes).toBe(0);
  await store.flush();
  expect(await stored('undo')).toBe(1);
});
