import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { Loading } from '../components/ui/loading';
import { CatalogRoute } from './routes/catalog.route';
import { NotFoundRoute } from './routes/not-found.route';
import { RootLayout } from './root-layout';
import { RouteError } from './route-error';

// Only the catalogue ships in the entry bundle; every other page is fetched when first visited
// (the admin included), which keeps the first page's JavaScript small.
const orderRoutes = () => import('./routes/order.route');
const paymentReturn = () => import('./routes/payment-return.route');
const admin = () => import('./routes/admin.route');
const component = async <T,>(load: Promise<T>, pick: (m: T) => ComponentType) => ({
  Component: pick(await load),
});

export const router = createBrowserRouter([
  {
    path: '/',
    Component: RootLayout,
    errorElement: <RouteError />,
    HydrateFallback: () => <Loading />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, Component: CatalogRoute },
          { path: 'products/:slug', lazy: () => import('./routes/product.route') },
          { path: 'cart', lazy: () => import('./routes/cart.route') },
          { path: 'checkout', lazy: () => import('./routes/checkout.route') },
          { path: 'orders/:id', lazy: () => component(orderRoutes(), (m) => m.OrderRoute) },
          { path: 'orders/:id/pay', lazy: () => component(orderRoutes(), (m) => m.PayRoute) },
          {
            path: 'orders/:id/success',
            lazy: () => component(orderRoutes(), (m) => m.SuccessRoute),
          },
          {
            path: 'payment/success',
            lazy: () => component(paymentReturn(), (m) => m.PaymentSuccessRoute),
          },
          {
            path: 'payment/cancel',
            lazy: () => component(paymentReturn(), (m) => m.PaymentCancelRoute),
          },
          {
            path: 'admin',
            lazy: () => component(admin(), (m) => m.Component),
            children: [
              {
                index: true,
                lazy: () =>
                  component(
                    import('../features/admin/admin-orders-page'),
                    (m) => m.AdminOrdersPage,
                  ),
              },
              {
                path: 'orders/:id',
                lazy: () => component(admin(), (m) => m.AdminOrderRoute),
              },
              {
                path: 'payments',
                lazy: () =>
                  component(
                    import('../features/admin/admin-payments-page'),
                    (m) => m.AdminPaymentsPage,
                  ),
              },
              {
                path: 'webhooks',
                lazy: () =>
                  component(
                    import('../features/admin/admin-webhooks-page'),
                    (m) => m.AdminWebhooksPage,
                  ),
              },
              {
                path: 'products',
                lazy: () =>
                  component(
                    import('../features/admin/admin-products-page'),
                    (m) => m.AdminProductsPage,
                  ),
              },
              {
                path: 'emails',
                lazy: () =>
                  component(
                    import('../features/admin/admin-emails-page'),
                    (m) => m.AdminEmailsPage,
                  ),
              },
            ],
          },
          { path: '*', Component: NotFoundRoute },
        ],
      },
    ],
  },
]);
