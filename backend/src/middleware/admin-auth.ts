import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { HttpError } from '../errors';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Requires `Authorization: Bearer <ADMIN_TOKEN>`, compared in constant time. */
export function requireAdmin(adminToken: string): RequestHandler {
  const expected = digest(adminToken);
  return (req, res, next) => {
    const header = req.get('authorization');
    const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match) {
      res.set('WWW-Authenticate', 'Bearer realm="admin"');
      throw HttpError.unauthorized(
        'This route needs an admin token: Authorization: Bearer <ADMIN_TOKEN>',
      );
    }
    // Hashing first gives equal-length buffers, so timingSafeEqual never throws on length.
    if (!timingSafeEqual(digest(match[1]!), expected)) {
      res.set('WWW-Authenticate', 'Bearer realm="admin", error="invalid_token"');
      throw HttpError.unauthorized('The admin token is not valid');
    }
    next();
  };
}
