import { useParams } from 'wouter';
import { AdminOrderPage } from '../../features/admin/admin-order-page';
import { OrderTimeline } from '../../features/orders/order-timeline';

export { AdminLayout } from '../../features/admin/admin-layout';

export function AdminOrderRoute() {
  const { id = '' } = useParams();
  return (
    <AdminOrderPage
      key={id}
      orderId={id}
      renderTimeline={(order) => <OrderTimeline order={order} />}
    />
  );
}
