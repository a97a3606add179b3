import type { PublicConfig } from '@checkout-lab/contracts/dto';
import type { Config } from '../config';
import type { GatewayRegistry } from '../gateways/registry';

/** What the browser may know: the store, the mode, and what each gateway lets it see. */
export function getPublicConfig(config: Config, gateways: GatewayRegistry): PublicConfig {
  return {
    storeName: config.storeName,
    mode: config.mode,
    gateways: gateways.list().map((g) => g.publicInfo()),
  };
}
