import type { OrderItemDto } from '@checkout-lab/contracts/dto';
import { formatMoney, type Currency } from '@checkout-lab/contracts/money';

/** An order's lines as the server snapshotted them (name and price at the time of ordering). */
export function OrderItems({ items, currency }: { items: OrderItemDto[]; currency: Currency }) {
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
