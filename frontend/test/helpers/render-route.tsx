import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { Route, Router, Switch } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { StoreConfigProvider } from '../../src/lib/store-config';

/**
 * Renders `element` at `url` (a path, with a query string if wanted) in an in-memory location
 * (plus a catch-all that shows where a navigation went), inside the same config provider the
 * app uses. `location.history` records every navigation; a `replace` overwrites the last entry.
 */
export function renderRoute(element: ReactElement, url = '/') {
  const location = memoryLocation({ path: url, record: true });
  const view = render(
    <StoreConfigProvider>
      <Router hook={location.hook}>
        <Switch>
          <Route path={url.split('?')[0]}>{element}</Route>
          <Route>
            <p data-testid="navigated" />
          </Route>
        </Switch>
      </Router>
    </StoreConfigProvider>,
  );
  return { ...view, location };
}
