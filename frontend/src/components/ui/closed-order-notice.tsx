import type { OrderDto } from '@checkout-lab/contracts/dto';
import { expiredUnpaid } from '@checkout-lab/contracts/statuses';
import { Link } from 'wouter';
import { paths } from '../../config/routes';
import { Notice } from './alert';

/**
 * What a cancelled order's pages say: expired unpaid, or cancelled by the shop, and what comes
 * next. Nothing for any other order.
 */
export function ClosedOrderNotice({ order }: { order: OrderDto }) {
  if (order.status !== 'cancelled') return null;
  return (
    <Notice tone="warning">
      <p data-testid="closed-order-notice">
        {expiredUnpaid(order)
          ? 'This order expired: it was not paid in time, so it was cancelled and its items were put back on sale. Nothing was charged; if your bank still takes a payment for it, the shop refunds it.'
          : 'This order was cancelled by the shop, so there is nothing to pay. If you were charged, the shop refunds it.'}{' '}
        <Link href={paths.catalog()}>Shop again</Link>
      </p>
    </Notice>
  );
}
