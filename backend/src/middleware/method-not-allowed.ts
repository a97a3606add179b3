import type { RequestHandler } from 'express';
import { match } from 'path-to-regexp';
import { HttpError } from '../errors';
import type { Operation } from '../openapi/operations';

/**
 * A known path asked with a method it does not serve answers 405 with an Allow header (RFC 9110),
 * not a 404 that says the path does not exist. The paths come from the route list the OpenAPI
 * document is built from, which a test keeps equal to what the app serves. It runs before any
 * body parser, so a TRACE with a body is refused for its method, not for its body.
 */
export function methodNotAllowed(operations: readonly Operation[]): RequestHandler {
  const byPath = new Map<string, Set<string>>();
  for (const op of operations) {
    const methods = byPath.get(op.path) ?? new Set<string>();
    methods.add(op.method.toUpperCase());
    if (op.method === 'get') methods.add('HEAD');
    byPath.set(op.path, methods);
  }
  // No decoding: a malformed %-escape is the router's to refuse (400), not ours to throw on.
  const matchers = [...byPath].map(([path, methods]) => ({
    test: match(path, { decode: false }),
    methods,
  }));
  return (req, res, next) => {
    if (req.method === 'OPTIONS') return next(); // CORS preflight
    const path = req.baseUrl + req.path;
    const allowed = new Set<string>();
    for (const m of matchers) if (m.test(path)) m.methods.forEach((x) => allowed.add(x));
    if (allowed.size === 0 || allowed.has(req.method)) return next();
    res.set('Allow', [...allowed].join(', '));
    next(new HttpError(405, 'METHOD_NOT_ALLOWED', `${req.method} is not allowed here`));
  };
}
