import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RootLayout } from './app/root-layout';
import { RouteErrorBoundary } from './app/route-error';
import { AppRoutes } from './app/router';
import './app/styles/base.css';
import './app/styles/layout.css';
import './app/styles/components.css';
import './app/styles/pages.css';

// The outer boundary catches what the layout itself throws; pages have their own, inside it.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RouteErrorBoundary>
      <RootLayout>
        <AppRoutes />
      </RootLayout>
    </RouteErrorBoundary>
  </StrictMode>,
);
