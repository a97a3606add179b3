import type { Request } from 'express';
import type { SandboxContext } from '../context';
import type { Order } from '../store/entities';
import { badRequest } from './razorpay-error';
import { collection, expansions, inTimeRange, paginate, paymentView } from './views';

const REACHED_AUTHORIZED = new Set(['authorized', 'captured', 'refunded']);

function flag(req: Request, name: string): boolean | undefined {
  const raw = req.query[name];
  if (raw === undefined || raw === '') return undefined;
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  throw badRequest(`The ${name} field must be 0 or 1.`, name);
}

/**
 * `GET /v1/orders` with Razorpay's filters (api/orders/fetch-all): `receipt` (exact), `authorized`
 * (1: some payment of the order was authorized, captured since or not; 0: none was), `from` / `to`,
 * `count` / `skip`, and `expand[]=payments` / `expand[]=payments.card`.
 */
export function listOrders(ctx: SandboxContext, req: Request) {
  const receipt = typeof req.query.receipt === 'string' ? req.query.receipt : undefined;
  const authorized = flag(req, 'authorized');
  const wasAuthorized = (order: Order) =>
    ctx.store.paymentsOfOrder(order.id).some((p) => REACHED_AUTHORIZED.has(p.status));
  const matching = inTimeRange(req, [...ctx.store.orders.values()]).filter(
    (o) =>
      (receipt === undefined || o.receipt === receipt) &&
      (authorized === undefined || wasAuthorized(o) === authorized),
  );
  const expand = expansions(req);
  const withCard = expand.includes('payments.card');
  const page = paginate(req, matching);
  if (!withCard && !expand.includes('payments')) return collection(page);
  return collection(
    page.map((order) => ({
      ...order,
      payments: collection(
        ctx.store.paymentsOfOrder(order.id).map((p) => paymentView(req, p, withCard)),
      ),
    })),
  );
}
