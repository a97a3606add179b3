// The soak's buyers, each one scenario, through the balancer as a browser would go through the
// shop's address: a request that meets a killed backend or a restarting database (no answer,
// 502, 503) is sent again after a pause, as a buyer clicks again; anything else is an answer.
export type Scenario = 'success' | 'failThenRetry' | 'dismissed' | 'abandoned';

export const SCENARIO_WEIGHTS: ReadonlyArray<[Scenario, number]> = [
  ['success', 0.45],
  ['failThenRetry', 0.2],
  ['dismissed', 0.15],
  ['abandoned', 0.2],
];

/** mulberry32: a small seeded generator, so a failing soak can be run again with its seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, weighted: ReadonlyArray<[T, number]>): T {
  let r = random() * weighted.reduce((s, [, w]) => s + w, 0);
  for (const [value, weight] of weighted) {
    if ((r -= weight) < 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

export interface Counters {
  requests: number;
  retried: number;
  /** Answers that were not a 2xx but were expected (a sold-out checkout, a declined payment). */
  refused: Record<string, number>;
  sandboxPayments: number;
  /** 500s and other answers no buyer should ever get, by route. */
  serverErrors: Record<string, number>;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the shop's JSON answers, read as a browser reads them */
export class Client {
  constructor(
    private readonly base: string,
    private readonly counters: Counters,
  ) {}

  /** Sends until an answer that is not a backend outage; returns its status and JSON body. */
  async send(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    for (let attempt = 0; ; attempt++) {
      this.counters.requests++;
      try {
        const res = await fetch(`${this.base}${path}`, {
          method,
          headers: body === undefined ? {} : { 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(30_000),
        });
        const json = (await res.json().catch(() => ({}))) as any;
        if (![502, 503, 504].includes(res.status)) {
          if (res.status >= 500) {
            const route = `${method} ${path.replace(/ord_[\w-]+/, ':id')} ${res.status}`;
            this.counters.serverErrors[route] = (this.counters.serverErrors[route] ?? 0) + 1;
          }
          return { status: res.status, body: json };
        }
      } catch {
        // no answer: the backend died under the request
      }
      if (attempt >= 60) throw new Error(`${method} ${path}: no answer after ${attempt} tries`);
      this.counters.retried++;
      await new Promise((r) => setTimeout(r, 200 + attempt * 100));
    }
  }
}
/* eslint-enable @typescript-eslint/no-explicit-any */

export interface Shop {
  client: Client;
  sandboxUrl: string;
  counters: Counters;
  random: () => number;
  slugs: string[];
  /** A buyer who pays after the stock hold ran out (the sold-out path). */
  slowPayMs: number;
}

const customer = (n: number) => ({ name: `Chaos Buyer ${n}`, email: `buyer${n}@example.com` });

async function payInSandbox(shop: Shop, gatewayOrderId: string, succeed: boolean) {
  shop.counters.sandboxPayments++;
  const res = await fetch(`${shop.sandboxUrl}/razorpay/_sandbox/orders/${gatewayOrderId}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ method: 'upi', vpa: succeed ? 'success@razorpay' : 'failure@razorpay' }),
  });
  const body = (await res.json()) as Record<string, string>;
  return { ok: res.ok, body };
}

function refused(shop: Shop, what: string): void {
  shop.counters.refused[what] = (shop.counters.refused[what] ?? 0) + 1;
}

export async function runBuyer(shop: Shop, n: number, scenario: Scenario): Promise<void> {
  const { client, random } = shop;
  // Two plentiful products and one that sells out (the last slug); a third of carts hold two lines.
  const plenty = shop.slugs.slice(0, -1);
  const items = [
    {
      slug: random() < 0.25 ? shop.slugs.at(-1)! : plenty[Math.floor(random() * plenty.length)]!,
      quantity: 1 + Math.floor(random() * 2),
    },
  ];
  if (random() < 0.3) items.push({ slug: plenty[0]!, quantity: 1 });
  const placed = await client.send('POST', '/api/orders', { items, customer: customer(n) });
  if (placed.status !== 201) return refused(shop, `order ${placed.body.error?.code}`);
  const orderId = placed.body.order.id as string;
  if (scenario === 'abandoned') return;

  const checkout = async () => {
    const r = await client.send('POST', `/api/orders/${orderId}/checkout`, { gateway: 'razorpay' });
    if (r.status === 201 || r.status === 200) return r.body.checkout.options.order_id as string;
    refused(shop, `checkout ${r.body.error?.code}`);
    return undefined;
  };
  let gatewayOrderId = await checkout();
  if (!gatewayOrderId || scenario === 'dismissed') return;

  if (scenario === 'failThenRetry') {
    await payInSandbox(shop, gatewayOrderId, false);
    gatewayOrderId = await checkout();
    if (!gatewayOrderId) return;
  }
  // One buyer in ten pays after the hold ran out; some of them find the stock gone.
  if (random() < 0.1) await new Promise((r) => setTimeout(r, shop.slowPayMs));
  const paid = await payInSandbox(shop, gatewayOrderId, true);
  if (!paid.ok) return refused(shop, 'sandbox pay');
  // Four in ten close the tab before the success page: webhooks and reconciliation settle those.
  if (random() < 0.6) {
    const verified = await client.send('POST', '/api/payments/razorpay/verify', paid.body);
    if (verified.status !== 200) refused(shop, `verify ${verified.body.error?.code}`);
  }
}
