import { IDEMPOTENCY_TTL_S, StripeStore } from '../../src/store/stripe.store';
import { createContext } from '../../src/context';
import { parseConfig, sandboxDefaults } from '../../src/config';
import { createIntent } from '../../src/stripe/payment-intents.service';
import { listIntents } from '../../src/stripe/reads.service';

const saved = (key: string, created: number) => ({
  key,
  endpoint: '/v1/payment_intents',
  paramsHash: 'h',
  status: 200,
  body: {},
  requestId: 'req_x',
  created,
});

describe('Stripe state at scale', () => {
  it('when a key is older than 24 hours, then it is forgotten and may be used again', () => {
    const store = new StripeStore(() => undefined);
    store.saveIdempotent(saved('old', 1000));
    expect(store.findIdempotent('old', 1000 + IDEMPOTENCY_TTL_S - 1)).toBeDefined();
    expect(store.findIdempotent('old', 1000 + IDEMPOTENCY_TTL_S)).toBeUndefined();
    expect(store.idempotency.size).toBe(0);
  });

  it('when more than 20,000 keys are saved, then the oldest go first and memory stays bounded', () => {
    const store = new StripeStore(() => undefined);
    for (let i = 0; i < 20_005; i++) store.saveIdempotent(saved(`k${i}`, 1000));
    expect(store.idempotency.size).toBe(20_000);
    expect(store.findIdempotent('k4', 1000)).toBeUndefined();
    expect(store.findIdempotent('k5', 1000)).toBeDefined();
  });

  it('when 10,000 intents exist, then a page deep in the list is still exact', () => {
    const ctx = createContext(
      parseConfig({ ...sandboxDefaults, stripeWebhookUrls: [], logLevel: 'silent' }),
    );
    const caller = {
      key: 'secret' as const,
      request: { requestId: null, idempotencyKey: null },
      origin: 'http://x',
    };
    const ids: string[] = [];
    for (let i = 0; i < 10_000; i++)
      ids.push(createIntent(ctx, { amount: String(100 + i), currency: 'usd' }, caller).id);
    ctx.webhooks.close();
    const page = listIntents(ctx, { limit: '3', starting_after: ids[2] });
    expect(page.data.map((i) => i.id)).toEqual([ids[1], ids[0]]);
    expect(page.has_more).toBe(false);
    const before = listIntents(ctx, { limit: '2', ending_before: ids[5000] });
    expect(before.data.map((i) => i.id)).toEqual([ids[5002], ids[5001]]);
    expect(before.has_more).toBe(true);
  });
});
