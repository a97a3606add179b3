import type { RequestHandler } from 'express';
import type { SandboxConfig } from '../config';
import { authenticationFailed, invalidApiKey } from './razorpay-error';
import { signaturesMatch } from './signer';

/** HTTP Basic auth with the key id as user name and the key secret as password, like Razorpay. */
export function razorpayAuth(config: SandboxConfig): RequestHandler {
  return (req, _res, next) => {
    const header = req.headers.authorization ?? '';
    const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
    if (!match?.[1]) throw invalidApiKey();
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const keyId = colon === -1 ? decoded : decoded.slice(0, colon);
    const secret = colon === -1 ? '' : decoded.slice(colon + 1);
    if (keyId !== config.razorpayKeyId) throw invalidApiKey();
    if (!signaturesMatch(config.razorpayKeySecret, secret)) throw authenticationFailed();
    next();
  };
}
