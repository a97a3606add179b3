import type { RequestInfo } from './stripe-events';

/** Who is calling the API and from where: the facts every Stripe handler needs. */
export interface Caller {
  /** A secret key (server) or a publishable key with a client secret (the browser). */
  key: 'secret' | 'publishable';
  request: RequestInfo;
  /** The sandbox's origin as the caller reached it, for URLs a browser must open (3-D Secure). */
  origin: string;
}
