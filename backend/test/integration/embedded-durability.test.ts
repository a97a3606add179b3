// The development database (mongo-java-server's H2 backend) keeps what it acknowledged: the
// launcher commits the file before answering a write, so a crash loses no acknowledged write.
// MVStore alone writes once a second in the background, and this test fails without the commit.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { startMongoJavaServer } from '../../src/db/mongo-java-server';
import { createLogger } from '../../src/logger';

const log = createLogger('silent');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'checkout-lab-durability-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function killed(pid: number): Promise<void> {
  process.kill(pid, 'SIGKILL');
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('when the server is killed right after acknowledging writes, then they are all there after a restart', async () => {
  const file = path.join(dir, 'crash.mv.db');
  const first = await startMongoJavaServer({ file, log });
  const before = await mongoose.createConnection(first.uri, { dbName: 'durability' }).asPromise();
  const orders = before.collection('orders');
  await orders.createIndex({ publicId: 1 }, { unique: true });
  const { insertedIds } = await orders.insertMany(
    Array.from({ length: 20 }, (_, i) => ({ publicId: `ord_${i}`, status: 'pending', n: 0 })),
  );
  await orders.updateOne({ _id: insertedIds[3] }, { $set: { status: 'paid' }, $inc: { n: 1 } });
  await orders.deleteOne({ _id: insertedIds[4] });
  await killed(first.pid); // no shutdown hook, no final commit: only what was already written
  await before.close(true).catch(() => {});

  const second = await startMongoJavaServer({ file, log });
  const after = await mongoose.createConnection(second.uri, { dbName: 'durability' }).asPromise();
  try {
    const again = after.collection('orders');
    expect(await again.countDocuments()).toBe(19);
    expect(await again.findOne({ _id: insertedIds[3] })).toMatchObject({ status: 'paid', n: 1 });
    // The unique index came back with the data.
    await expect(again.insertOne({ publicId: 'ord_7' })).rejects.toMatchObject({ code: 11000 });
  } finally {
    await after.close();
    await second.stop();
  }
});
