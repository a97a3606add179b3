import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Router, Switch } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { RootLayout } from '../src/app/root-layout';
import { RouteErrorBoundary } from '../src/app/route-error';
import { AppRoutes } from '../src/app/router';
import { isCurrentPath } from '../src/components/ui/nav-link';
import * as client from '../src/lib/api-client';
import { makeProduct, sandboxConfig } from './helpers/fixtures';

vi.mock('../src/lib/api-client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../src/lib/api-client')>()),
  getConfig: vi.fn(),
  getProduct: vi.fn(),
  listProducts: vi.fn(),
}));
const api = vi.mocked(client);

beforeEach(() => {
  api.getConfig.mockResolvedValue(sandboxConfig);
  api.listProducts.mockResolvedValue([makeProduct()]);
  api.getProduct.mockResolvedValue(makeProduct());
  // jsdom does not scroll; the app only needs to ask.
  window.scrollTo = vi.fn() as typeof window.scrollTo;
});

/** The whole app as main.tsx mounts it, at `url`, in an in-memory location. */
function renderApp(url: string) {
  const location = memoryLocation({ path: url, record: true });
  render(
    <Router hook={location.hook}>
      <RootLayout>
        <AppRoutes />
      </RootLayout>
    </Router>,
  );
  return location;
}

const mainNav = () => within(screen.getByRole('navigation', { name: 'Main' }));

test('when the shop opens, then the catalogue, the sandbox badge and the current nav link show', async () => {
  renderApp('/');
  expect(await screen.findByRole('heading', { name: 'Canvas Tote Bag' })).toBeInTheDocument();
  expect(await screen.findByTestId('sandbox-badge')).toHaveTextContent('Sandbox mode');
  expect(mainNav().getByRole('link', { name: 'Shop' })).toHaveAttribute('aria-current', 'page');
  expect(mainNav().getByRole('link', { name: 'Admin' })).not.toHaveAttribute('aria-current');
});

test('when a product link is followed, then its lazy page gets the slug and the view starts at the top', async () => {
  const location = renderApp('/');
  await userEvent.click(await screen.findByRole('link', { name: 'Canvas Tote Bag' }));
  expect(await screen.findByRole('heading', { name: 'Canvas Tote Bag', level: 1 })).toBeVisible();
  expect(api.getProduct).toHaveBeenCalledWith('canvas-tote-bag');
  expect(location.history).toEqual(['/', '/products/canvas-tote-bag']);
  expect(window.scrollTo).toHaveBeenCalledWith(0, 0);
  expect(mainNav().getByRole('link', { name: 'Shop' })).not.toHaveAttribute('aria-current');
});

test('when only the query string changes, then the page does not jump to the top', async () => {
  const location = renderApp('/cart');
  expect(await screen.findByRole('heading', { name: /cart/i, level: 1 })).toBeInTheDocument();
  act(() => location.navigate('/cart?from=test'));
  expect(window.scrollTo).not.toHaveBeenCalled();
});

test.each(['/nope', '/admin/nope', '/orders/ord_x/refund', '/products'])(
  'when %s is opened, then the page says it was not found',
  async (url) => {
    renderApp(url);
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the shop' })).toHaveAttribute('href', '/');
  },
);

test('when a path sits under a section, then that section is current unless it must match exactly', () => {
  expect(isCurrentPath('/admin/payments', '/admin')).toBe(true);
  expect(isCurrentPath('/admin/payments', '/admin', true)).toBe(false);
  expect(isCurrentPath('/admin', '/admin', true)).toBe(true);
  expect(isCurrentPath('/administrator', '/admin')).toBe(false);
  expect(isCurrentPath('/cart', '/', true)).toBe(false);
});

function Boom({ error }: { error: unknown }): never {
  throw error;
}

function renderBoundary(error: unknown) {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  const location = memoryLocation({ path: '/broken' });
  render(
    <Router hook={location.hook}>
      <RouteErrorBoundary>
        <Switch>
          <Route path="/broken">
            <Boom error={error} />
          </Route>
          <Route>
            <p>Another page</p>
          </Route>
        </Switch>
      </RouteErrorBoundary>
    </Router>,
  );
  return location;
}

test('when a page throws, then the error page shows, and another path renders again', () => {
  const location = renderBoundary(new Error('bug'));
  expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong on this page.');
  act(() => location.navigate('/'));
  expect(screen.getByText('Another page')).toBeInTheDocument();
});

test("when a page's code cannot be downloaded, then the error page says so and offers a reload", () => {
  renderBoundary(new TypeError('Failed to fetch dynamically imported module: /assets/x.js'));
  expect(screen.getByRole('alert')).toHaveTextContent('This page could not be downloaded.');
  expect(screen.getByRole('button', { name: 'Reload the page' })).toBeInTheDocument();
});
