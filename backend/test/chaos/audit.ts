// The soak's judge: the sandbox's own ledger (its Razorpay API: every order and every payment it
// holds, as Razorpay's `GET /v1/orders` and `GET /v1/orders/:id/payments` answer), held against
// what the shop's database says, document by document.
import type mongoose from 'mongoose';

type Db = mongoose.mongo.Db;

interface LedgerPayment {
  id: string;
  order_id: string;
  status: 'created' | 'authorized' | 'captured' | 'refunded' | 'failed';
  amount: number;
  amount_refunded: number;
}

export interface Ledger {
  orders: Map<string, LedgerPayment[]>;
}

export async function readLedger(apiBase: string, key: string, secret: string): Promise<Ledger> {
  const auth = `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
  const get = async (path: string) => {
    const res = await fetch(`${apiBase}/v1${path}`, { headers: { authorization: auth } });
    if (!res.ok) throw new Error(`sandbox ${path}: ${res.status}`);
    return (await res.json()) as { items: any[] }; // eslint-disable-line @typescript-eslint/no-explicit-any -- Razorpay's JSON
  };
  const orders = new Map<string, LedgerPayment[]>();
  for (let skip = 0; ; skip += 100) {
    const page = await get(`/orders?count=100&skip=${skip}&expand[]=payments`);
    for (const o of page.items) orders.set(o.id as string, o.payments.items as LedgerPayment[]);
    if (page.items.length < 100) break;
  }
  return { orders };
}

export interface Findings {
  counts: Record<string, number>;
  problems: string[];
}

/** The gateway took the money (and may have given it back since). */
const tookMoney = (status: unknown) => status === 'captured' || status === 'refunded';

const times = (timeline: Array<{ type: string }> | undefined, type: string) =>
  (timeline ?? []).filter((e) => e.type === type).length;

/** Every check of the issue, each a count that must be 0 (or a state that must match). */
export async function audit(
  db: Db,
  ledger: Ledger,
  initialStock: Map<string, number>,
): Promise<Findings> {
  const problems: string[] = [];
  const counts: Record<string, number> = {};
  const count = (k: string, n = 1) => (counts[k] = (counts[k] ?? 0) + n);
  const problem = (kind: string, detail: string) => {
    count(kind);
    if (problems.length < 20) problems.push(`${kind}: ${detail}`);
  };

  const orders = await db.collection('orders').find().toArray();
  const payments = await db.collection('payments').find().toArray();
  const emails = await db
    .collection('outbox_emails')
    .find({}, { projection: { orderId: 1 } })
    .toArray();
  const emailsByOrder = new Map<string, number>();
  for (const e of emails) emailsByOrder.set(e.orderId, (emailsByOrder.get(e.orderId) ?? 0) + 1);
  const paymentsByOrder = new Map<string, typeof payments>();
  const byGatewayOrder = new Map<string, (typeof payments)[number]>();
  for (const p of payments) {
    const key = String(p.order);
    paymentsByOrder.set(key, [...(paymentsByOrder.get(key) ?? []), p]);
    if (p.refs?.orderId) byGatewayOrder.set(p.refs.orderId, p);
  }

  // Every payment the gateway took is known to the shop: none lost.
  for (const [gatewayOrderId, ledgerPayments] of ledger.orders) {
    const took = ledgerPayments.filter((p) => tookMoney(p.status));
    count('sandbox payments', ledgerPayments.length);
    count('sandbox payments captured', took.length);
    if (took.length === 0) continue;
    const ours = byGatewayOrder.get(gatewayOrderId);
    if (!ours || !tookMoney(ours.status))
      problem(
        'lost payment',
        `${took[0]!.id} is ${took[0]!.status} at the gateway, ours ${ours?.status ?? 'missing'}`,
      );
  }

  const sold = new Map<string, number>();
  for (const order of orders) {
    const mine = paymentsByOrder.get(String(order._id)) ?? [];
    // What the ledger says happened to this order's money, attempt by attempt.
    let captured = 0;
    let refunded = 0;
    for (const p of mine) {
      const lps = p.refs?.orderId ? (ledger.orders.get(p.refs.orderId) ?? []) : [];
      const took = lps.filter((lp) => tookMoney(lp.status));
      const full = took.filter((lp) => lp.amount_refunded === lp.amount);
      captured += took.length;
      refunded += full.length;
      const expected =
        took.length > 0
          ? full.length === took.length
            ? ['refunded']
            : ['captured']
          : lps.length > 0
            ? ['failed']
            : ['created', 'expired'];
      if (!expected.includes(p.status))
        problem(
          'payment state',
          `${p._id} (${p.refs?.orderId ?? 'no gateway order'}): ours ${p.status}, gateway says ${expected.join('/')}`,
        );
    }
    const lateCapture = mine.some((p) => times(p.timeline, 'payment.needs_refund') > 0);
    const expected =
      captured === 0
        ? ['pending', 'cancelled']
        : captured > refunded
          ? lateCapture
            ? ['paid', 'fulfilled', 'cancelled']
            : ['paid', 'fulfilled']
          : ['refunded'];
    count(`orders ${order.status}`);
    if (!expected.includes(order.status))
      problem(
        'order state',
        `${order.publicId}: ${order.status}, ledger says ${expected.join('/')} (captured ${captured}, refunded ${refunded})`,
      );
    if (lateCapture) count('captures flagged for refund (late or second)');

    // Exactly once: one paid transition, one stock step, one email per paid order.
    const paidTimes = times(order.timeline, 'order.paid');
    const stockTimes =
      times(order.timeline, 'stock.decremented') + times(order.timeline, 'stock.shortfall');
    const mails = emailsByOrder.get(order.publicId) ?? 0;
    if (paidTimes > 1 || stockTimes > 1 || mails > 1)
      problem(
        'double fulfilment',
        `${order.publicId}: paid ×${paidTimes}, stock ×${stockTimes}, email ×${mails}`,
      );
    if (captured > 0 && !lateCapture && (paidTimes !== 1 || stockTimes !== 1 || mails !== 1))
      problem(
        'unfinished fulfilment',
        `${order.publicId}: paid ×${paidTimes}, stock ×${stockTimes}, email ×${mails}`,
      );
    if (times(order.timeline, 'stock.decremented') === 1) {
      for (const item of order.items) {
        const id = String(item.product);
        sold.set(id, (sold.get(id) ?? 0) + item.quantity);
      }
    }
  }

  // No unit sold twice or out of thin air, and no hold left open.
  const products = await db.collection('products').find().toArray();
  for (const product of products) {
    const id = String(product._id);
    const start = initialStock.get(id);
    if (start === undefined) continue;
    const units = sold.get(id) ?? 0;
    count('units sold', units);
    if (product.stock < 0 || units > start || start - units !== product.stock)
      problem(
        'oversold',
        `${product.slug}: started ${start}, sold ${units}, stock now ${product.stock}`,
      );
    const ledgerEntries = Object.keys(product.holds ?? {}).length;
    if (ledgerEntries > 0)
      problem('hold left open', `${product.slug}: ${ledgerEntries} ledger entries`);
  }
  for (const p of payments) {
    if (['holding', 'held', 'releasing'].includes(p.hold?.state))
      problem('hold left open', `${p._id}: hold ${p.hold.state}`);
    if (p.hold?.state === 'taken') count('holds taken');
    if (p.hold?.state === 'released') count('holds released');
  }
  return { counts, problems };
}
