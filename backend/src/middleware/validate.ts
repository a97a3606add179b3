import type { RequestHandler } from 'express';
import { z, type ZodType } from 'zod';
import { HttpError } from '../errors';

interface RequestSchemas<B, P, Q> {
  body?: ZodType<B>;
  params?: ZodType<P>;
  query?: ZodType<Q>;
}

/** Formats zod issues as "field: problem" lines a client can act on. */
export function describeIssues(error: z.ZodError): { message: string; issues: unknown[] } {
  const issues = error.issues.map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message,
  }));
  const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return { message, issues };
}

function parse<T>(schema: ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const { message, issues } = describeIssues(result.error);
    throw HttpError.badRequest(`Invalid ${where}: ${message}`, 'VALIDATION_ERROR', issues);
  }
  return result.data;
}

/**
 * Validates and replaces body, params and query with their parsed values, so controllers only
 * ever see data that matched a schema (and never a smuggled `{ "$gt": "" }`).
 */
export function validate<B = unknown, P = unknown, Q = unknown>(
  schemas: RequestSchemas<B, P, Q>,
): RequestHandler {
  return (req, _res, next) => {
    if (schemas.params) req.params = parse(schemas.params, req.params, 'path') as typeof req.params;
    if (schemas.query) {
      // Express 5 exposes req.query as a getter; shadow it with the parsed value.
      Object.defineProperty(req, 'query', {
        value: parse(schemas.query, req.query, 'query string'),
        enumerable: true,
      });
    }
    if (schemas.body) req.body = parse(schemas.body, req.body, 'body');
    next();
  };
}
