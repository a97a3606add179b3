// The status machines assume what MongoDB guarantees: a single-document update is atomic, so
// of many concurrent conditional updates exactly one matches. This holds the embedded database
// (whichever it is) to that promise. FerretDB v1 alone fails it; tools/ferretdb serialises.
import mongoose, { Schema } from 'mongoose';
import { connectTestDatabase, dropTestDatabase } from '../helpers/test-database';

const Counter = mongoose.model(
  'AtomicityProbe',
  new Schema({ status: String, n: Number, log: [String] }),
);

beforeAll(connectTestDatabase);
afterAll(dropTestDatabase);

const CALLERS = 40;

test(`when ${CALLERS} conditional updates race on one document, then exactly one wins`, async () => {
  const doc = await Counter.create({ status: 'created', n: 0, log: [] });
  const results = await Promise.all(
    Array.from({ length: CALLERS }, () =>
      Counter.updateOne({ _id: doc._id, status: 'created' }, { $set: { status: 'captured' } }),
    ),
  );
  expect(results.filter((r) => r.modifiedCount === 1)).toHaveLength(1);
});

test(`when ${CALLERS} increments and pushes race on one document, then none is lost`, async () => {
  const doc = await Counter.create({ status: 'x', n: 0, log: [] });
  await Promise.all(
    Array.from({ length: CALLERS }, (_, i) =>
      Counter.updateOne({ _id: doc._id }, { $inc: { n: 1 }, $push: { log: `entry-${i}` } }),
    ),
  );
  const after = await Counter.findById(doc._id);
  expect(after!.n).toBe(CALLERS);
  expect(after!.log).toHaveLength(CALLERS);
});
