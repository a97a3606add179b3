import type { RunningSandbox } from '../../src/index';
import type { DialectChange } from '../../src/rupantorpay/dialect';
import { KEY_DIFFERENCES, type KeyDifference } from './documented-differences';
import {
  compareKeys,
  keyPaths,
  listDocumented,
  loadDocumented,
  unexplained,
  type KeyComparison,
} from '../helpers/documented';
import { RUPANTORPAY_KEY, startTestSandbox } from '../helpers/sandbox';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver';

// Outside judges for RupantorPay: the shapes its integrators document (no first-party page is
// reachable), each variant compared with what the sandbox sends in the matching dialect.
describe("the sandbox's RupantorPay payloads against the documented variants", () => {
  let sandbox: RunningSandbox;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver('/hook');
    sandbox = await startTestSandbox();
  });
  afterAll(async () => {
    await sandbox.close();
    await receiver.close();
  });

  const post = async (path: string, body: unknown) =>
    (await (
      await fetch(`${sandbox.rupantorpayApiBase}/payment/${path}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-API-KEY': RUPANTORPAY_KEY,
          'X-CLIENT': 'shop.example',
        },
        body: JSON.stringify(body),
      })
    ).json()) as Record<string, unknown>;

  /** Create, act on the hosted page (or not), and collect every message the sandbox sent. */
  async function run(dialect: DialectChange, action: 'pay' | 'fail' | null) {
    sandbox.setRupantorpayDialect({ preset: 'documented', ...dialect });
    const create = await post('checkout', {
      fullname: 'Rahim Uddin',
      email: 'rahim@example.com',
      amount: '100',
      success_url: 'http://shop.example/payment/success',
      cancel_url: 'http://shop.example/payment/cancel',
      webhook_url: receiver.url,
      metadata: { order_public_id: 'ord_42' },
    });
    const url = String(create.payment_url);
    const id = /RPTX[0-9A-Z]{12}/.exec(await (await fetch(url)).text())?.[0] ?? '';
    let back: URL | null = null;
    if (action) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `action=${action}&method=bkash`,
        redirect: 'manual',
      });
      back = new URL(String(res.headers.get('location')));
    }
    const verify = await post('verify-payment', { transaction_id: id });
    await sandbox.idle();
    const hook = receiver.received.find((w) => w.rawBody.includes(id))?.json;
    return { create, back: back ? Object.fromEntries(back.searchParams) : null, verify, hook };
  }

  /** What the sandbox sends for each fixture, and the fixture's root for key paths. */
  async function emitted(fixture: string): Promise<[string, unknown]> {
    const name = fixture.replace('rupantorpay/', '').replace('.json', '');
    const seed = { preset: 'seed000' } as const;
    switch (name) {
      case 'create.status-1':
        return ['create', (await run({}, null)).create];
      case 'create.status-true':
      case 'create.seed000':
        return ['create', (await run(seed, null)).create];
      case 'create.error':
        return ['create', await post('checkout', { fullname: 'X', email: 'x@example.com' })];
      case 'verify.completed':
        return ['verify', (await run({}, 'pay')).verify];
      case 'verify.pending':
        return ['verify', (await run({}, null)).verify];
      case 'verify.error':
        return ['verify', (await run({}, 'fail')).verify];
      case 'verify.metadata-string':
        return ['verify', (await run({ metadata: 'string' }, 'pay')).verify];
      case 'verify.seed000-lowercase':
      case 'verify.seed000-payment-status':
        return ['verify', (await run(seed, 'pay')).verify];
      case 'verify.not-found':
        return ['verify', await post('verify-payment', { transaction_id: 'RPTXNOTREAL00000' })];
      case 'return.camelcase':
        return ['return', (await run({}, 'pay')).back];
      case 'return.seed000':
        return ['return', (await run(seed, 'pay')).back];
      case 'webhook.transaction_id':
      case 'webhook.transactionId':
      case 'webhook.transactionID': {
        const webhookId = name.replace('webhook.', '') as 'transactionId';
        return ['webhook', (await run({ webhookId }, 'pay')).hook];
      }
      case 'webhook.seed000':
        return ['webhook', (await run(seed, 'fail')).hook];
    }
    throw new Error(`no emitter for ${fixture}`);
  }

  const fixtures = listDocumented('rupantorpay');
  const comparisons: KeyComparison[] = [];

  it('when the fixtures are read, then each names where its shape comes from', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(15);
    for (const f of fixtures) {
      const { source } = loadDocumented(f);
      expect(Array.isArray(source) && source.length > 0).toBe(true);
    }
  });

  it.each(fixtures)(
    'when the sandbox sends what %s documents, then the key paths agree but for listed differences, and so do status and amount',
    async (fixture) => {
      const documented = loadDocumented(fixture).payload;
      const [prefix, sent] = await emitted(fixture);
      const docShape = prefix === 'return' ? (documented as { params: object }).params : documented;
      const comparison = compareKeys(fixture, keyPaths(docShape, prefix), keyPaths(sent, prefix));
      comparisons.push(comparison);
      expect(unexplained([comparison], new Set())).toEqual([]);

      const doc = docShape as Record<string, unknown>;
      const got = sent as Record<string, unknown>;
      if (typeof doc.status !== 'boolean' || doc.payment_status === undefined) {
        expect(got.status).toEqual(doc.status);
      }
      if (typeof doc.amount === 'string' && doc.amount.includes('.')) {
        expect(String(got.amount).split('.')[1]?.length).toBe(doc.amount.split('.')[1]?.length);
      }
      if (typeof doc.metadata === 'string') expect(typeof got.metadata).toBe('string');
    },
  );

  it('when every fixture was compared, then every listed RupantorPay difference still occurs', () => {
    const used = new Set<KeyDifference>();
    unexplained(comparisons, used);
    const stale = KEY_DIFFERENCES.filter(
      (d) => d.fixtures.some((g) => g.startsWith('rupantorpay/')) && !used.has(d),
    ).map((d) => `${d.kind} ${d.path} (${d.fixtures.join(', ')})`);
    expect(stale).toEqual([]);
  });
});
