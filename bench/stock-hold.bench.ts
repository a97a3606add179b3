// `npm run bench` (last part): what the stock-hold expiry sweep costs when many holds are open
// and few are due — it must follow what is due, not the size of the history. Reports; never fails.
import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { connectDatabase, disconnectDatabase } from '../backend/src/db/connect';
import { startDatabaseServer } from '../backend/src/db/embedded-database';
import { createLogger } from '../backend/src/logger';
import { PaymentModel } from '../backend/src/models/payment.model';
import { ProductModel } from '../backend/src/models/product.model';
import {
  giveBackLines,
  holdLines,
  releaseExpiredHolds,
} from '../backend/src/services/stock-hold.service';
import { percentile } from './load';

const OPEN = Number(process.env.BENCH_OPEN_HOLDS ?? 10_000);
const DUE = Number(process.env.BENCH_DUE_HOLDS ?? 200);

/** A product's ledger entry for one unit held by a checkout (stock-hold.service's shape). */
const heldEntry = (at: Date) => ({ quantity: 1, state: 'held', at });

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
        $set: Object.fromEntries(due.map((d) => [`holds.${d.id as string}`, heldEntry(past)])),
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
  console.log(await ledgerCurve());
  await disconnectDatabase();
  await db.stop();
}

const LEDGER_SIZES = [0, 1_000, 10_000];
const LEDGER_SAMPLES = 30;

/**
 * What one checkout's hold costs as its product's ledger grows: every unpaid checkout keeps an
 * entry there until its hold expires, and each hold rewrites the whole product document.
 */
async function ledgerCurve(): Promise<string> {
  const lines = ['Hold + give back of one unit, one at a time, by open holds on the product:'];
  for (const size of LEDGER_SIZES) {
    const product = await ProductModel.create({
      slug: `bench-ledger-${size}`,
      name: 'Bench Ledger',
      price: 100,
      currency: 'INR',
      stock: 1_000_000,
    });
    for (let i = 0; i < size; i += 1000) {
      const entries = Array.from({ length: Math.min(1000, size - i) }, () => [
        `holds.${new Types.ObjectId().toString()}`,
        heldEntry(new Date()),
      ]);
      await ProductModel.updateOne({ _id: product._id }, { $set: Object.fromEntries(entries) });
    }
    const line = { product: product._id, quantity: 1, name: 'x' };
    const hold: number[] = [];
    const giveBack: number[] = [];
    for (let i = 0; i < LEDGER_SAMPLES; i++) {
      const id = new Types.ObjectId();
      let start = performance.now();
      if (await holdLines(id, [line])) throw new Error('the hold was refused');
      hold.push(performance.now() - start);
      start = performance.now();
      await giveBackLines(id, [line]);
      giveBack.push(performance.now() - start);
    }
    lines.push(
      `  ${size.toLocaleString('en').padStart(6)} open: hold p50 ${percentile(hold, 50).toFixed(1)} ms, give back p50 ${percentile(giveBack, 50).toFixed(1)} ms`,
    );
  }
  lines.push(
    '  The ledger makes a hold and its record one atomic update without transactions; its price',
    '  is a product document that grows with the open checkouts (docs/database.md).',
    '',
  );
  return lines.join('\n');
}

main()
  .catch((err: unknown) =>
    console.error(
      `Stock-hold benchmark could not run: ${err instanceof Error ? err.message : String(err)}`,
    ),
  )
  .finally(() => process.exit(0));
