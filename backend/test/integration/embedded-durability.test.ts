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

// The launcher stores documents as BSON and ids and index keys in a compact form of its own
// (tools/mongo-java-server: BsonDocumentType, StoredKeyType): every type a shop writes must come
// back from the file as it went in, and unique indexes must still find by every key kind.
test('when documents of every stored type are written, then they read back unchanged after a restart', async () => {
  const file = path.join(dir, 'types.mv.db');
  const { Binary, Decimal128, Double, Int32, Long, ObjectId } = mongoose.mongo;
  const doc = {
    _id: new ObjectId(),
    int: new Int32(7),
    long: Long.fromString('9007199254740993'),
    double: new Double(1.5),
    decimal: Decimal128.fromString('12.345'),
    text: 'नमस्ते ₹',
    flag: true,
    nothing: null,
    when: new Date('2026-12-02T10:00:00.123Z'),
    bytes: new Binary(Buffer.from([0, 1, 254, 255])),
    list: [1, 'two', { three: [3] }, []],
    nested: { map: { pay_1: { quantity: 2, state: 'held' } }, empty: {} },
  };
  const first = await startMongoJavaServer({ file, log });
  const before = await mongoose.createConnection(first.uri, { dbName: 'types' }).asPromise();
  await before.collection('docs').insertOne(doc);
  await before
    .collection('docs')
    .createIndex({ 'nested.map.pay_1.state': 1, text: 1 }, { unique: true });
  await before
    .collection('named')
    .insertMany([{ _id: 'rate:1.2.3.4' as never }, { _id: 42 as never }]);
  await before.close();
  await first.stop();

  const second = await startMongoJavaServer({ file, log });
  const after = await mongoose.createConnection(second.uri, { dbName: 'types' }).asPromise();
  try {
    const docs = after.collection('docs');
    const back = await docs.findOne(
      { _id: doc._id },
      { promoteValues: false, promoteLongs: false },
    );
    expect(back).not.toBeNull();
    expect(back!.long.toString()).toBe('9007199254740993');
    expect(back!.decimal.toString()).toBe('12.345');
    expect(back!.int.valueOf()).toBe(7);
    expect(back!.double.valueOf()).toBe(1.5);
    const plain = await docs.findOne({ _id: doc._id });
    expect({ ...plain, long: undefined, decimal: undefined, bytes: undefined }).toEqual({
      ...doc,
      int: 7,
      double: 1.5,
      long: undefined,
      decimal: undefined,
      bytes: undefined,
    });
    expect(Buffer.from(plain!.bytes.buffer)).toEqual(Buffer.from([0, 1, 254, 255]));
    expect(
      await docs.findOne(
        { 'nested.map.pay_1.state': 'held', text: 'नमस्ते ₹' },
        { projection: { _id: 1 } },
      ),
    ).toEqual({ _id: doc._id });
    await expect(
      docs.insertOne({ nested: { map: { pay_1: { state: 'held' } } }, text: 'नमस्ते ₹' }),
    ).rejects.toMatchObject({ code: 11000 });
    const named = after.collection('named');
    expect(await named.findOne({ _id: 'rate:1.2.3.4' as never })).toEqual({ _id: 'rate:1.2.3.4' });
    expect(await named.findOne({ _id: 42 as never })).toEqual({ _id: 42 });
  } finally {
    await after.close();
    await second.stop();
  }
});

// One stored-key type serves every collection and connection thread: keys of different kinds
// (string ids, ObjectIds, compound index keys) compared at once must never trip over each other.
test('when many clients use collections with different kinds of keys at once, then no lookup fails', async () => {
  const server = await startMongoJavaServer({ file: path.join(dir, 'mixed.mv.db'), log });
  const conn = await mongoose
    .createConnection(server.uri, { dbName: 'mixed', maxPoolSize: 20 })
    .asPromise();
  try {
    const limits = conn.collection<{ _id: string; hits: number }>('limits');
    const orders = conn.collection('orders');
    await orders.createIndex({ publicId: 1 }, { unique: true });
    await limits.insertMany(
      Array.from({ length: 20 }, (_, i) => ({ _id: `orders:10.0.0.${i}`, hits: 0 })),
    );
    await orders.insertMany(
      Array.from({ length: 200 }, (_, i) => ({ publicId: `ord_${i}`, n: i })),
    );
    const work = Array.from({ length: 400 }, (_, i) =>
      i % 2
        ? limits.findOneAndUpdate({ _id: `orders:10.0.0.${i % 20}` }, { $inc: { hits: 1 } })
        : orders.findOne({ publicId: `ord_${i % 200}` }),
    );
    const results = await Promise.allSettled(work);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const hits = (await limits.find().toArray()).reduce((sum, d) => sum + d.hits, 0);
    expect(hits).toBe(200);
  } finally {
    await conn.close();
    await server.stop();
  }
});

// The launcher counts collStats' size when it is asked rather than on every write (re-encoding
// both versions of a document per update cost a fifth of checkout's database CPU); what it
// reports must still be the BSON size of what is stored, on either backend and after a restart.
test.each([
  ['H2', 'stats.mv.db'],
  ['memory', undefined],
])(
  'when documents are inserted, grown and deleted on the %s backend, then collStats reports their stored size',
  async (_kind, fileName) => {
    const file = fileName && path.join(dir, fileName);
    const { BSON } = mongoose.mongo;
    const open = async () => {
      const server = await startMongoJavaServer({ file, log });
      const conn = await mongoose.createConnection(server.uri, { dbName: 'stats' }).asPromise();
      return { server, conn, items: conn.collection('items') };
    };
    const sizeOf = async (c: Awaited<ReturnType<typeof open>>) => {
      const stored = await c.items.find().toArray();
      const stats = await c.conn.db!.command({ collStats: 'items' });
      return {
        reported: stats.size as number,
        count: stats.count as number,
        expected: stored.reduce((sum, d) => sum + BSON.calculateObjectSize(d), 0),
      };
    };
    const first = await open();
    const { insertedIds } = await first.items.insertMany(
      Array.from({ length: 30 }, (_, i) => ({ n: i, holds: {} })),
    );
    await first.items.updateOne(
      { _id: insertedIds[0] },
      { $set: { 'holds.pay_1': { quantity: 2, state: 'held' }, note: 'x'.repeat(500) } },
    );
    await first.items.deleteOne({ _id: insertedIds[1] });
    const now = await sizeOf(first);
    expect(now.count).toBe(29);
    expect(now.reported).toBe(now.expected);
    expect(now.reported).toBeGreaterThan(29 * 20 + 500);
    await first.conn.close();
    await first.server.stop();
    if (!file) return;

    const second = await open();
    try {
      expect((await sizeOf(second)).reported).toBe(now.expected);
    } finally {
      await second.conn.close();
      await second.server.stop();
    }
  },
);

// A commit writes whole pages, and the launcher writes each stored document's BSON from a cache
// kept by identity (BsonDocumentType): that is only right while no stored document is ever
// edited in place. Many interleaved updates, pushes and deletes over neighbouring documents
// must read back from the file exactly as the server last answered them.
test('when neighbouring documents are updated many times at once, then after a kill and a restart each reads back as last written', async () => {
  const file = path.join(dir, 'churn.mv.db');
  const first = await startMongoJavaServer({ file, log });
  const before = await mongoose
    .createConnection(first.uri, { dbName: 'churn', maxPoolSize: 10 })
    .asPromise();
  const items = before.collection<{ n: number; hits: number; log: number[] }>('items');
  const { insertedIds } = await items.insertMany(
    Array.from({ length: 200 }, (_, i) => ({ n: i, hits: 0, log: [], holds: {} })),
  );
  const ids = Object.values(insertedIds);
  const work = Array.from({ length: 600 }, (_, i) => {
    const _id = ids[(i * 37) % ids.length]!;
    if (i % 3 === 0) return items.updateOne({ _id }, { $inc: { hits: 1 } });
    if (i % 3 === 1) return items.updateOne({ _id }, { $push: { log: i } });
    return items.findOneAndUpdate({ _id }, { $set: { [`holds.h${i}`]: { state: 'held', i } } });
  });
  await Promise.all(work);
  const hits = (await items.find().toArray()).reduce((sum, d) => sum + d.hits, 0);
  await items.deleteMany({ n: { $lt: 10 } });
  const answered = await items.find().sort({ n: 1 }).toArray();
  await killed(first.pid);
  await before.close(true).catch(() => {});

  const second = await startMongoJavaServer({ file, log });
  const after = await mongoose.createConnection(second.uri, { dbName: 'churn' }).asPromise();
  try {
    expect(answered).toHaveLength(190);
    expect(hits).toBe(200);
    expect(await after.collection('items').find().sort({ n: 1 }).toArray()).toEqual(answered);
  } finally {
    await after.close();
    await second.stop();
  }
});

// An aggregation works on what the query handed it, and mongo-java-server's $addFields writes
// into the subdocuments of that: it must never be the stored document's own.
test('when an aggregation adds fields to a subdocument, then the stored document is unchanged, in memory and after a restart', async () => {
  const file = path.join(dir, 'aggregate.mv.db');
  const first = await startMongoJavaServer({ file, log });
  const before = await mongoose.createConnection(first.uri, { dbName: 'agg' }).asPromise();
  const orders = before.collection('orders');
  const { insertedId } = await orders.insertOne({ customer: { name: 'Asha' }, n: 1 });
  const [added] = await orders
    .aggregate([{ $match: { _id: insertedId } }, { $addFields: { customer: { vip: true } } }])
    .toArray();
  expect(added!.customer.vip).toBe(true);
  expect(await orders.findOne({ _id: insertedId })).toEqual({
    _id: insertedId,
    customer: { name: 'Asha' },
    n: 1,
  });
  await orders.updateOne({ _id: insertedId }, { $inc: { n: 1 } });
  await killed(first.pid);
  await before.close(true).catch(() => {});

  const second = await startMongoJavaServer({ file, log });
  const after = await mongoose.createConnection(second.uri, { dbName: 'agg' }).asPromise();
  try {
    expect(await after.collection('orders').findOne({ _id: insertedId })).toEqual({
      _id: insertedId,
      customer: { name: 'Asha' },
      n: 2,
    });
  } finally {
    await after.close();
    await second.stop();
  }
});
