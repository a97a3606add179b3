// `npm run test:chaos`: buyers through the real stack while it is broken on purpose, then every
// order held against the sandbox's ledger. Bounded and loopback-only:
//   - two backend processes behind one loopback balancer, on one database (mongo-java-server on
//     an H2 file, as `npm run dev` runs it), each SIGKILLed and started again at seeded moments,
//     and the database SIGKILLed and started again once, mid-run;
//   - the in-process sandbox delivering webhooks with 30% duplicated, 20% reordered, 10% failed
//     first and 10% delayed;
//   - buyers who pay, fail then retry, dismiss the modal or abandon the order.
// Then: stop the chaos, let reconciliation and the expiry sweeps finish, and audit. Exits 1 when
// any check fails. Options: --payments=N (default 1000), --seed=S, --concurrency=C.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { startSandbox } from '@checkout-lab/sandbox';
import { DEFAULT_DB_NAME } from '../../src/db/connect';
import { sandboxGatewayEnv } from '../helpers/sandbox-env';
import { audit, readLedger, type Findings } from './audit';
import { startBalancer } from './balancer';
import {
  Client,
  pick,
  runBuyer,
  SCENARIO_WEIGHTS,
  seeded,
  type Counters,
  type Scenario,
} from './buyers';
import { backendProcess, startDatabase, type Backend } from './processes';

const arg = (name: string, fallback: number) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.split('=')[1]) : fallback;
};
const PAYMENTS = arg('payments', 1000);
const SEED = arg('seed', Math.floor(Math.random() * 1_000_000));
const CONCURRENCY = arg('concurrency', 12);
const STOCK_HOLD_SECONDS = 4;
/** The audit waits this long at most for reconciliation to settle what the chaos left. */
const SETTLE_LIMIT_MS = 240_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (line: string) =>
  console.log(`[chaos ${new Date().toISOString().slice(11, 19)}] ${line}`);

async function main(): Promise<number> {
  const started = Date.now();
  const random = seeded(SEED);
  log(`seed ${SEED}, ${PAYMENTS} payments, ${CONCURRENCY} buyers at a time`);
  const dir = await mkdtemp(path.join(tmpdir(), 'checkout-lab-chaos-'));
  const stops: Array<() => Promise<unknown>> = [() => rm(dir, { recursive: true, force: true })];
  try {
    const database = await startDatabase(
      path.join(dir, 'db', 'chaos.mv.db'),
      path.join(dir, 'database.log'),
    );
    stops.push(() => database.stop());
    const backends: Backend[] = [];
    const balancer = await startBalancer(() => backends.filter((b) => b.up()).map((b) => b.url));
    stops.push(() => balancer.close());
    const sandbox = await startSandbox({
      webhookUrls: [`${balancer.url}/api/webhooks/razorpay`],
      // Retries at 1/50 of the real schedule (0.2 s, 0.4 s … 12.8 s): a delivery that met a dead
      // backend or the restarting database comes back within seconds, and gives up after ~25 s.
      timeScale: 0.02,
      webhookMaxAttempts: 8,
      faults: { duplicate: 0.3, reorder: 0.2, failFirst: 0.1, delay: 0.1, delayMs: 3000 },
      random: seeded(SEED + 1),
    });
    stops.push(() => sandbox.close());

    const adminToken = randomBytes(24).toString('base64url');
    const env = {
      NODE_ENV: 'production',
      MONGODB_URI: database.uri,
      PUBLIC_BASE_URL: balancer.url,
      CORS_ORIGINS: balancer.url,
      ADMIN_TOKEN: adminToken,
      ...sandboxGatewayEnv(sandbox).razorpay,
      SMTP_URL: '',
      RECONCILE_INTERVAL_MS: '2000',
      RECONCILE_GRACE_MS: '3000',
      STOCK_HOLD_SECONDS: String(STOCK_HOLD_SECONDS),
      // A killed backend's claims are taken over after 15 s, not 5 min: takeovers happen here,
      // some while a slow holder is still at work, and every step must survive running twice.
      CLAIM_STALE_SECONDS: '15',
      ORDER_EXPIRY_MINUTES: '1',
      RATE_LIMIT_PER_MINUTE: '1000000',
      WEBHOOK_RATE_LIMIT_PER_MINUTE: '1000000',
      LOG_LEVEL: 'warn',
    };
    for (const name of ['A', 'B']) {
      const backend = await backendProcess(
        name,
        { ...env, DATA_DIR: path.join(dir, `data-${name}`) },
        path.join(dir, `backend-${name}.log`),
      );
      await backend.start();
      backends.push(backend);
      stops.push(() => backend.stop());
    }
    log(`backends A and B up behind ${balancer.url}; database ${database.uri}`);

    // The catalogue: plenty of two things, and one that sells out, so holds run out and
    // late payers meet the sold-out refund.
    const mongo = await mongoose.mongo.MongoClient.connect(database.uri);
    stops.push(() => mongo.close());
    const db = mongo.db(DEFAULT_DB_NAME);
    const scarce = Math.max(15, Math.round(PAYMENTS / 10));
    const catalogue = [
      { slug: 'chaos-tee', name: 'Chaos Tee', price: 49900, stock: 100_000 },
      { slug: 'chaos-mug', name: 'Chaos Mug', price: 29900, stock: 100_000 },
      { slug: 'chaos-last-few', name: 'Chaos Last Few', price: 99900, stock: scarce },
    ];
    const now = new Date();
    const inserted = await db.collection('products').insertMany(
      catalogue.map((p) => ({
        ...p,
        currency: 'INR',
        description: '',
        image: '',
        active: true,
        createdAt: now,
        updatedAt: now,
      })),
    );
    const initialStock = new Map(
      catalogue.map((p, i) => [String(inserted.insertedIds[i]), p.stock] as const),
    );

    const counters: Counters = {
      requests: 0,
      retried: 0,
      refused: {},
      sandboxPayments: 0,
      serverErrors: {},
    };
    const shop = {
      client: new Client(balancer.url, counters),
      sandboxUrl: sandbox.url,
      counters,
      random,
      slugs: catalogue.map((p) => p.slug),
      slowPayMs: (STOCK_HOLD_SECONDS + 3) * 1000,
    };

    // The chaos: kills and restarts at seeded moments while the buyers run; the database once.
    let buying = true;
    let databaseRestarts = 0;
    const chaos = (async () => {
      let dbDone = false;
      while (buying) {
        await sleep(2000 + random() * 4000);
        if (!buying) break;
        if (!dbDone && counters.sandboxPayments > PAYMENTS / 2) {
          dbDone = true;
          log('database: SIGKILL, restart in 2 s');
          await database.crashAndRestart(2000);
          databaseRestarts++;
          continue;
        }
        // Each in turn, at a random moment: the one killed less often so far (ties at random).
        const [first, second] = random() < 0.5 ? backends : [...backends].reverse();
        const victim = second!.kills < first!.kills ? second! : first!;
        if (!victim.up()) continue;
        await victim.kill();
        const down = 300 + random() * 2000;
        log(`backend ${victim.name}: SIGKILL, restart in ${Math.round(down)} ms`);
        await sleep(down);
        await victim.start();
      }
    })();

    const byScenario: Record<Scenario, number> = {
      success: 0,
      failThenRetry: 0,
      dismissed: 0,
      abandoned: 0,
    };
    let buyer = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        // Bounded even if buyers stop reaching the payment step (a broken shop fails the audit).
        while (counters.sandboxPayments < PAYMENTS && buyer < PAYMENTS * 4) {
          const n = buyer++;
          const scenario = pick(random, SCENARIO_WEIGHTS);
          byScenario[scenario]++;
          await runBuyer(shop, n, scenario);
          if (n % 100 === 0) log(`${n} buyers, ${counters.sandboxPayments} payments`);
        }
      }),
    );
    buying = false;
    await chaos;
    for (const b of backends) if (!b.up()) await b.start();
    const buyingSeconds = (Date.now() - started) / 1000;
    log(
      `buying done: ${buyer} buyers, ${counters.sandboxPayments} payments (refused: ${JSON.stringify(counters.refused)}); settling…`,
    );

    // Settle: webhooks delivered, then reconciliation (every 2 s) and hold and order expiry do
    // their work. The audit is repeated until it passes or the limit is reached.
    const settleStarted = Date.now();
    let findings: Findings;
    for (;;) {
      await sandbox.idle();
      try {
        const ledger = await readLedger(
          sandbox.razorpayApiBase,
          env.RAZORPAY_KEY_ID,
          env.RAZORPAY_KEY_SECRET,
        );
        findings = await audit(db, ledger, initialStock);
      } catch (err) {
        // The judge's own read failed (its connection still reconnecting): look again.
        findings = { counts: {}, problems: [`audit could not read: ${(err as Error).message}`] };
      }
      if (findings.problems.length === 0 || Date.now() - settleStarted > SETTLE_LIMIT_MS) break;
      log(`settling: ${findings.problems.length} open findings, e.g. ${findings.problems[0]}`);
      await sleep(3000);
    }
    const settleSeconds = (Date.now() - settleStarted) / 1000;
    const deliveries = sandbox.deliveries();
    const firsts = deliveries.filter((d) => d.attempt === 1);
    const withFault = (kind: string) =>
      firsts.filter((d) => d.faults.includes(kind as never)).length;

    const serverErrors = Object.entries(counters.serverErrors);
    for (const [route, n] of serverErrors) findings.problems.push(`server error: ${route} ×${n}`);
    const rows: Array<[string, string | number]> = [
      ['seed', SEED],
      [
        'buyers (success / fail then retry / dismissed / abandoned)',
        `${buyer} (${byScenario.success} / ${byScenario.failThenRetry} / ${byScenario.dismissed} / ${byScenario.abandoned})`,
      ],
      [
        'payments through the sandbox (captured)',
        `${findings.counts['sandbox payments'] ?? 0} (${findings.counts['sandbox payments captured'] ?? 0})`,
      ],
      ['buyer requests (retried after an outage)', `${counters.requests} (${counters.retried})`],
      ['refused, as the shop should (sold out at checkout, …)', JSON.stringify(counters.refused)],
      [
        'webhook events (first deliveries: duplicated / reordered / failed first / delayed)',
        `${firsts.length} (${withFault('duplicate')} / ${withFault('reorder')} / ${withFault('failFirst')} / ${withFault('delay')})`,
      ],
      [
        'webhook delivery attempts (failed: no backend, killed mid-request, dropped)',
        `${deliveries.length} (${deliveries.filter((d) => !d.ok).length})`,
      ],
      ['backend SIGKILLs (A / B)', `${backends[0]!.kills} / ${backends[1]!.kills}`],
      ['database SIGKILL + restart', databaseRestarts],
      [
        'orders (paid / refunded sold out / cancelled / pending)',
        `${['paid', 'refunded', 'cancelled', 'pending'].map((s) => findings.counts[`orders ${s}`] ?? 0).join(' / ')}`,
      ],
      [
        'captures flagged for refund (late or second)',
        findings.counts['captures flagged for refund (late or second)'] ?? 0,
      ],
      [
        'units sold; holds taken / released',
        `${findings.counts['units sold'] ?? 0}; ${findings.counts['holds taken'] ?? 0} / ${findings.counts['holds released'] ?? 0}`,
      ],
      [
        'order or payment state ≠ ledger',
        (findings.counts['order state'] ?? 0) + (findings.counts['payment state'] ?? 0),
      ],
      ['double fulfilments', findings.counts['double fulfilment'] ?? 0],
      ['unfinished fulfilments', findings.counts['unfinished fulfilment'] ?? 0],
      ['lost payments', findings.counts['lost payment'] ?? 0],
      ['oversold products', findings.counts['oversold'] ?? 0],
      ['holds left open', findings.counts['hold left open'] ?? 0],
      ['server errors (5xx other than an outage)', serverErrors.reduce((sum, [, n]) => sum + n, 0)],
      ['time: buying / settling', `${buyingSeconds.toFixed(0)} s / ${settleSeconds.toFixed(0)} s`],
    ];
    console.log(
      `\n| chaos soak | result |\n| --- | --- |\n${rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}\n`,
    );
    if (findings.problems.length > 0) {
      console.log(`FAILED (seed ${SEED}; logs in ${dir}):\n  ${findings.problems.join('\n  ')}`);
      stops.shift(); // keep the logs
      return 1;
    }
    console.log(
      'PASSED: every order matches the ledger; nothing doubled, lost, oversold or left held.',
    );
    return 0;
  } catch (err) {
    console.error(`(logs kept in ${dir})`);
    stops.shift();
    throw err;
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => {});
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`chaos soak could not run: ${err instanceof Error ? err.stack : String(err)}`);
    process.exit(1);
  },
);
