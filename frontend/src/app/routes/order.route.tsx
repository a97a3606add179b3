import { useParams } from 'wouter';
import { PayPage } from '../../features/checkout/pay-page';
import { OrderPage } from '../../features/orders/order-page';
import { SuccessPage } from '../../features/orders/success-page';

export function OrderRoute() {
  const { id = '' } = useParams();
  return <OrderPage key={id} orderId={id} />;
}

export function PayRoute() {
  const { id = '' } = useParams();
  return <PayPage key={id} orderId={id} />;
}

export function SuccessRoute() {
  const { id = '' } = useParams();
  return <SuccessPage key={id} orderId={id} />;
}
