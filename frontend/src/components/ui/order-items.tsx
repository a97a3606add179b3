import type { OrderItem } from '../../lib/api-types';
import { formatMoney } from '../../lib/money';

/** An order's lines as the server snapshotted them (name and price at the time of ordering). */
export function OrderItems({ items, currency }: { items: OrderItem[]; currency: string }) {
  return (
    <ul className="order-items" aria-label="Items">
      {items.map((item) => (
        <li key={item.slug}>
          {item.image ? <img src={item.image} alt="" width={56} height={42} /> : <span />}
          <span className="order-item-name">
            {item.name}
            <small>
              {item.quantity} × {formatMoney(item.unitPrice, currency)}
            </small>
          </span>
          <span className="order-item-total">{formatMoney(item.lineTotal, currency)}</span>
        </li>
      ))}
    </ul>
  );
}
