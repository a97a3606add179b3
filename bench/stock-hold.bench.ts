// `npm run bench` (last part): what the stock-hold expiry sweep costs when many holds are open
// and few are due — it must follow what is due, not the size of the history. Reports; never fails.
import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { connectDatabase, disconnectDatabase } from '../backend/src/db/connect';
import { startDatabaseServer } from '../backend/src/db/embedded-database';
import { createLogger } from '../backend/src/logger';
import { PaymentModel } from '../backend/src/models/payment.model';
import { ProductModel } from '../backend/src/models/product.model';
import { releaseExpiredHolds } from '../backend/src/services/stock-hold.service';

const OPEN = Number(process.env.BENCH_OPEN_HOLDS ?? 10_000);
const DUE = Number(process.env.BENCH_DUE_HOLDS ?? 200);

async function main(): Promise<void> {
  const log = createLogger('silent');
  const db = await startDatabaseServer({ uri: process.env.MONGODB_URI, allowDownload: false, log });
  await connectDatabase(db.uri, { dbName: `bench_${randomBytes(4).toString('hex')}` });
  const product = await ProductModel.create({
    slug: 'bench-hold',
    name: 'Bench Hold',
    price: 100,
    currency: 'INR',
    stock: 0,
  });
  const order = new Types.ObjectId();
  const attempt = (expiresAt: Date) => ({
    order,
    gateway: 'razorpay',
    attempt: 1,
    refs: { orderId: `order_B${randomBytes(7).toString('hex')}` },
    amount: 100,
    currency: 'INR',
    hold: { state: 'held', expiresAt, lines: [{ product: product._id, quantity: 1, name: 'x' }] },
  });
  const later = new Date(Date.now() + 3600_000);
  for (let i = 0; i < OPEN; i += 1000) {
    await PaymentModel.insertMany(
      Array.from({ length: Math.min(1000, OPEN - i) }, () => attempt(later)),
    );
  }

  const sweep = async () => {
    const past = new Date(Date.now() - 1000);
    const due = await PaymentModel.insertMany(Array.from({ length: DUE }, () => attempt(past)));
    await ProductModel.updateOne(
      { _id: product._id },
      {
        $set: Object.fromEntries(
          due.map((d) => [`holds.${d.id as string}`, { quantity: 1, state: 'held', at: past }]),
        ),
      },
    );
    const start = performance.now();
    const released = await releaseExpiredHolds(new Date());
    return { released, ms: performance.now() - start };
  };
  const empty = await (async () => {
    const start = performance.now();
    await releaseExpiredHolds(new Date());
    return performance.now() - start;
  })();
  const run = await sweep();

  console.log(
    [
      '',
      `Stock-hold expiry sweep (database: ${db.kind}), ${OPEN} open holds not yet due:`,
      `  nothing due:  ${empty.toFixed(1)} ms`,
      `  ${DUE} due:       ${run.ms.toFixed(0)} ms, ${run.released} released (${(run.ms / DUE).toFixed(1)} ms per hold)`,
      '  The sweep is indexed on (hold.state, hold.expiresAt) and each release is a few updates',
      '  by _id, so its cost follows what is due, not how many holds are open.',
      '',
    ].join('\n'),
  );
  await disconnectDatabase();
  await db.stop();
}

main()
  .catch((err: unknown) =>
    console.error(
      `Stock-hold benchmark could not run: ${err instanceof Error ? err.message : String(err)}`,
    ),
  )
  .finally(() => process.exit(0));
