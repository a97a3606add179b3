import { Link } from 'wouter';
import { QuantityStepper } from '../../components/ui/quantity-stepper';
import { paths } from '../../config/routes';
import { MAX_LINE_QUANTITY } from '../../config/store';
import { formatMoney } from '@checkout-lab/contracts/money';
import type { CartLine } from './cart.store';

interface CartLineItemProps {
  line: CartLine;
  onQuantity(quantity: number): void;
  onRemove(): void;
}

export function CartLineItem({ line, onQuantity, onRemove }: CartLineItemProps) {
  return (
    <li className="cart-line" data-testid={`cart-line-${line.slug}`}>
      {line.image ? <img src={line.image} alt="" width={96} height={72} /> : <span />}
      <div className="cart-line-main">
        <Link href={paths.product(line.slug)} className="cart-line-name">
          {line.name}
        </Link>
        <span className="hint">{formatMoney(line.price, line.currency)} each</span>
      </div>
      <QuantityStepper
        value={line.quantity}
        max={Math.min(line.stock, MAX_LINE_QUANTITY)}
        onChange={onQuantity}
        label={`Quantity of ${line.name}`}
      />
      <span className="cart-line-total">
        {formatMoney(line.price * line.quantity, line.currency)}
      </span>
      <button
        type="button"
        className="button-link"
        onClick={onRemove}
        aria-label={`Remove ${line.name} from cart`}
      >
        Remove
      </button>
    </li>
  );
}
