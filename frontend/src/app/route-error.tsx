import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { paths } from '../config/routes';

/** Last line of defence: a page that crashed, or a page's code that failed to download. */
export function RouteError() {
  const error = useRouteError();
  const chunkFailed =
    error instanceof TypeError &&
    /dynamically imported module|Importing a module/i.test(error.message);
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : chunkFailed
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
        <Link to={paths.catalog()}>Back to the shop</Link>
      </p>
    </section>
  );
}
