import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { StoreConfigProvider } from '../../src/lib/store-config';

/**
 * Renders `element` at `url` (a path, with a query string if wanted) in a memory router (plus a catch-all that shows where a
 * navigation went), inside the same config provider the app uses.
 */
export function renderRoute(element: ReactElement, url = '/') {
  const router = createMemoryRouter(
    [
      { path: url.split('?')[0], element },
      { path: '*', element: <p data-testid="navigated" /> },
    ],
    { initialEntries: [url] },
  );
  const view = render(
    <StoreConfigProvider>
      <RouterProvider router={router} />
    </StoreConfigProvider>,
  );
  return { ...view, router };
}
