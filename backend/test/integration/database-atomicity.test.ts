// The status machines, leases and idempotency assume what MongoDB guarantees: a single-document
// update is atomic (of many concurrent conditional updates exactly one matches), and a unique
// index lets exactly one of many identical inserts in. This holds whichever database the tests
// run on (MongoDB, mongod via mongodb-memory-server, or mongo-java-server) to that promise.
import mongoose, { Schema } from 'mongoose';
import { isDuplicateKey } from '../../src/db/connect';
import { connectTestDatabase, dropTestDatabase } from '../helpers/test-database';

const Probe = mongoose.model(
  'AtomicityProbe',
  new Schema({
    status: String,
    n: Number,
    log: [String],
    claimedBy: Number,
    key: { type: String, unique: true, sparse: true },
  }),
);

beforeAll(async () => {
  await connectTestDatabase();
  await Probe.createIndexes();
});
afterAll(dropTestDatabase);

const CALLERS = 50;
const callers = <T>(fn: (i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: CALLERS }, (_, i) => fn(i)));

test(`when ${CALLERS} conditional updates race on one document, then exactly one wins`, async () => {
  const doc = await Probe.create({ status: 'created' });
  const results = await callers(() =>
    Probe.updateOne({ _id: doc._id, status: 'created' }, { $set: { status: 'captured' } }),
  );
  expect(results.filter((r) => r.modifiedCount === 1)).toHaveLength(1);
  expect((await Probe.findById(doc._id))!.status).toBe('captured');
});

test(`when ${CALLERS} increments race on one document, then none is lost`, async () => {
  const doc = await Probe.create({ n: 0 });
  await callers(() => Probe.updateOne({ _id: doc._id }, { $inc: { n: 1 } }));
  expect((await Probe.findById(doc._id))!.n).toBe(CALLERS);
});

test(`when ${CALLERS} pushes race on one document, then every entry is kept once`, async () => {
  const doc = await Probe.create({ log: [] });
  await callers((i) => Probe.updateOne({ _id: doc._id }, { $push: { log: `entry-${i}` } }));
  const log = (await Probe.findById(doc._id))!.log;
  expect(new Set(log).size).toBe(CALLERS);
  expect(log).toHaveLength(CALLERS);
});

test(`when ${CALLERS} callers claim one document with findOneAndUpdate, then one gets it`, async () => {
  const doc = await Probe.create({ status: 'open' });
  const claims = await callers((i) =>
    Probe.findOneAndUpdate(
      { _id: doc._id, claimedBy: { $exists: false } },
      { $set: { claimedBy: i } },
      { returnDocument: 'after' },
    ),
  );
  const won = claims.filter((c) => c !== null);
  expect(won).toHaveLength(1);
  expect((await Probe.findById(doc._id))!.claimedBy).toBe(won[0]!.claimedBy);
});

test(`when ${CALLERS} workers each claim any open item, then no item is claimed twice`, async () => {
  const batch = `batch-${Date.now()}`;
  await Probe.insertMany(Array.from({ length: CALLERS }, () => ({ status: batch })));
  const claims = await callers((i) =>
    Probe.findOneAndUpdate(
      { status: batch, claimedBy: { $exists: false } },
      { $set: { claimedBy: i } },
      { returnDocument: 'after' },
    ),
  );
  const ids = claims.map((c) => String(c!._id));
  expect(new Set(ids).size).toBe(CALLERS);
  expect(await Probe.countDocuments({ status: batch, claimedBy: { $exists: false } })).toBe(0);
});

test(`when ${CALLERS} callers insert the same unique key, then one insert succeeds and the rest fail with 11000`, async () => {
  const results = await callers(() =>
    Probe.create({ key: 'evt_same' }).then(
      () => 'inserted',
      (err: unknown) => (isDuplicateKey(err) ? 'duplicate' : err),
    ),
  );
  expect(results.filter((r) => r === 'inserted')).toHaveLength(1);
  expect(results.filter((r) => r === 'duplicate')).toHaveLength(CALLERS - 1);
});

test('when documents leave a sparse unique field out, then any number of them may exist', async () => {
  await Probe.insertMany([{ status: 'no-key' }, { status: 'no-key' }, { status: 'no-key' }]);
  expect(await Probe.countDocuments({ status: 'no-key' })).toBe(3);
});

// Older drivers (mongoose 5/6, e.g. the tutorials this project is compared with) send the
// legacy findAndModify shape: `new`, `fields` (the projection), `upsert`, and read `value`.
// Command fields: https://www.mongodb.com/docs/manual/reference/command/findAndModify/
// (mongo-java-server sends `lastErrorObject` only when an existing document was updated; see
// docs/database.md.)
test('when an older driver sends findAndModify with new, fields and upsert, then it gets the documented reply', async () => {
  const db = mongoose.connection.db!;
  const collection = Probe.collection.collectionName;
  await Probe.create({ key: 'legacy', n: 1, status: 'created' });

  const updated = await db.command({
    findAndModify: collection,
    query: { key: 'legacy', status: 'created' },
    update: { $inc: { n: 1 }, $set: { status: 'paid' } },
    new: true,
    fields: { n: 1, status: 1 },
  });
  expect(updated.ok).toBe(1);
  expect(updated.lastErrorObject).toMatchObject({ n: 1, updatedExisting: true });
  expect(updated.value).toMatchObject({ n: 2, status: 'paid' });
  expect(updated.value.key).toBeUndefined(); // projected away by `fields`

  const missed = await db.command({
    findAndModify: collection,
    query: { key: 'legacy', status: 'created' },
    update: { $set: { status: 'again' } },
  });
  expect(missed.ok).toBe(1);
  expect(missed.value).toBeNull();

  const upserted = await db.command({
    findAndModify: collection,
    query: { key: 'legacy-new' },
    update: { $set: { n: 7 } },
    new: true,
    upsert: true,
  });
  expect(upserted.value).toMatchObject({ key: 'legacy-new', n: 7 });
  expect(await Probe.countDocuments({ key: 'legacy-new' })).toBe(1);
});
