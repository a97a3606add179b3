import { lazy, Suspense, type ComponentType } from 'react';
import { Route, Switch } from 'wouter';
import { Loading } from '../components/ui/loading';
import { RouteErrorBoundary } from './route-error';
import { CatalogRoute } from './routes/catalog.route';
import { NotFoundRoute } from './routes/not-found.route';

// Only the catalogue ships in the entry bundle; every other page is fetched when first visited
// (the admin included), which keeps the first page's JavaScript small.
const lazyPage = <T,>(load: () => Promise<T>, pick: (m: T) => ComponentType) =>
  lazy(async () => ({ default: pick(await load()) }));

const orderRoutes = () => import('./routes/order.route');
const paymentReturn = () => import('./routes/payment-return.route');
const admin = () => import('./routes/admin.route');

const ProductRoute = lazyPage(
  () => import('./routes/product.route'),
  (m) => m.ProductRoute,
);
const CartRoute = lazyPage(
  () => import('./routes/cart.route'),
  (m) => m.CartRoute,
);
const CheckoutRoute = lazyPage(
  () => import('./routes/checkout.route'),
  (m) => m.CheckoutRoute,
);
const OrderRoute = lazyPage(orderRoutes, (m) => m.OrderRoute);
const PayRoute = lazyPage(orderRoutes, (m) => m.PayRoute);
const SuccessRoute = lazyPage(orderRoutes, (m) => m.SuccessRoute);
const PaymentSuccessRoute = lazyPage(paymentReturn, (m) => m.PaymentSuccessRoute);
const PaymentCancelRoute = lazyPage(paymentReturn, (m) => m.PaymentCancelRoute);
const PaymentReturnRoute = lazyPage(paymentReturn, (m) => m.PaymentReturnRoute);

const AdminLayout = lazy(async () => ({ default: (await admin()).AdminLayout }));
const AdminOrderRoute = lazyPage(admin, (m) => m.AdminOrderRoute);
const AdminOrdersPage = lazyPage(
  () => import('../features/admin/admin-orders-page'),
  (m) => m.AdminOrdersPage,
);
const AdminPaymentsPage = lazyPage(
  () => import('../features/admin/admin-payments-page'),
  (m) => m.AdminPaymentsPage,
);
const AdminWebhooksPage = lazyPage(
  () => import('../features/admin/admin-webhooks-page'),
  (m) => m.AdminWebhooksPage,
);
const AdminProductsPage = lazyPage(
  () => import('../features/admin/admin-products-page'),
  (m) => m.AdminProductsPage,
);
const AdminEmailsPage = lazyPage(
  () => import('../features/admin/admin-emails-page'),
  (m) => m.AdminEmailsPage,
);

// Every admin path renders this same component, so React keeps the layout (token gate, tabs,
// session) mounted while only the page inside changes; the tabs stay up while a page loads.
function AdminPage({ page: Page }: { page: ComponentType }) {
  return (
    <AdminLayout>
      <Suspense fallback={<Loading />}>
        <Page />
      </Suspense>
    </AdminLayout>
  );
}

/** Every page of the shop by path, the first match wins; anything else is "Page not found". */
export function AppRoutes() {
  return (
    <RouteErrorBoundary>
      <Suspense fallback={<Loading />}>
        <Switch>
          <Route path="/" component={CatalogRoute} />
          <Route path="/products/:slug" component={ProductRoute} />
          <Route path="/cart" component={CartRoute} />
          <Route path="/checkout" component={CheckoutRoute} />
          <Route path="/orders/:id" component={OrderRoute} />
          <Route path="/orders/:id/pay" component={PayRoute} />
          <Route path="/orders/:id/success" component={SuccessRoute} />
          <Route path="/payment/success" component={PaymentSuccessRoute} />
          <Route path="/payment/cancel" component={PaymentCancelRoute} />
          <Route path="/payment/return" component={PaymentReturnRoute} />
          <Route path="/admin">
            <AdminPage page={AdminOrdersPage} />
          </Route>
          <Route path="/admin/orders/:id">
            <AdminPage page={AdminOrderRoute} />
          </Route>
          <Route path="/admin/payments">
            <AdminPage page={AdminPaymentsPage} />
          </Route>
          <Route path="/admin/webhooks">
            <AdminPage page={AdminWebhooksPage} />
          </Route>
          <Route path="/admin/products">
            <AdminPage page={AdminProductsPage} />
          </Route>
          <Route path="/admin/emails">
            <AdminPage page={AdminEmailsPage} />
          </Route>
          <Route component={NotFoundRoute} />
        </Switch>
      </Suspense>
    </RouteErrorBoundary>
  );
}
