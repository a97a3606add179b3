import type { Config } from '../config';
import type { GatewayRegistry } from '../gateways/registry';
import { STORE_NAME } from '../gateways/registry';

/** What the browser may know: gateways, mode, the public key id and script URL. Never a secret. */
export function getPublicConfig(config: Config, gateways: GatewayRegistry) {
  return {
    storeName: STORE_NAME,
    mode: config.mode,
    gateways: gateways.list().map((g) => ({
      name: g.name,
      kind: g.kind,
      currencies: g.currencies,
      ...(g.name === 'razorpay'
        ? { keyId: config.razorpay.keyId, checkoutScriptUrl: config.razorpay.checkoutUrl }
        : {}),
    })),
  };
}
