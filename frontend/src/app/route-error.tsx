import { Component, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { paths } from '../config/routes';

/** Last line of defence: a page that crashed, or a page's code that failed to download. */
export function RouteError({ error }: { error: unknown }) {
  const chunkFailed =
    error instanceof TypeError &&
    /dynamically imported module|Importing a module/i.test(error.message);
  const message = chunkFailed
    ? 'This page could not be downloaded. The shop may have been updated, or the connection dropped.'
    : 'Something went wrong on this page.';
  return (
    <section className="page" role="alert">
      <h1>Sorry — that did not work</h1>
      <p>{message}</p>
      <p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload the page
        </button>{' '}
        <Link href={paths.catalog()}>Back to the shop</Link>
      </p>
    </section>
  );
}

interface BoundaryProps {
  path: string;
  children: ReactNode;
}

// React catches render errors only in a class component. The error belongs to the page it
// happened on: going to another path renders the children again.
class Boundary extends Component<BoundaryProps, { failed: boolean; error: unknown }> {
  override state = { failed: false, error: null as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { failed: true, error };
  }

  override componentDidUpdate(previous: BoundaryProps) {
    if (this.state.failed && previous.path !== this.props.path) {
      this.setState({ failed: false, error: null });
    }
  }

  override render() {
    return this.state.failed ? <RouteError error={this.state.error} /> : this.props.children;
  }
}

/** Shows <RouteError> instead of `children` when they throw, until the path changes. */
export function RouteErrorBoundary({ children }: { children: ReactNode }) {
  const [path] = useLocation();
  return <Boundary path={path}>{children}</Boundary>;
}
