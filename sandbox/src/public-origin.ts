import type { Request } from 'express';
import type { SandboxConfig } from './config';

/**
 * The sandbox's origin as a browser should open it: `SANDBOX_PUBLIC_URL` when set (a tunnel),
 * otherwise the scheme and Host the request came in on.
 */
export function publicOrigin(config: SandboxConfig, req: Request): string {
  return (
    config.publicUrl?.replace(/\/$/, '') ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`
  );
}
