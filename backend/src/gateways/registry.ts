import type { Config } from '../config';
import { HttpError } from '../errors';
import type { Logger } from '../logger';
import type { GatewayName, PaymentGateway } from './gateway';
import { RazorpayGateway } from './razorpay.gateway';
import { RupantorpayGateway } from './rupantorpay.gateway';
import { sandboxControlUrl } from './sandbox-control';
import { StripeGateway } from './stripe.gateway';

export interface GatewayRegistry {
  /** The enabled gateway of that name; a 400 GATEWAY_UNAVAILABLE when there is none. */
  get(name: GatewayName): PaymentGateway;
  find(name: GatewayName): PaymentGateway | undefined;
  list(): PaymentGateway[];
}

export function createGatewayRegistry(gateways: PaymentGateway[]): GatewayRegistry {
  const byName = new Map(gateways.map((g) => [g.name, g]));
  return {
    get(name) {
      const gateway = byName.get(name);
      if (!gateway)
        throw HttpError.badRequest(`Gateway "${name}" is not enabled`, 'GATEWAY_UNAVAILABLE');
      return gateway;
    },
    find: (name) => byName.get(name),
    list: () => [...byName.values()],
  };
}

/**
 * The gateways the configuration enables, talking to the configured (sandbox or real) APIs.
 * RupantorPay and Stripe on sandbox keys are left out in live mode: no sandbox runs beside
 * real Razorpay. Stripe with real keys talks to Stripe whatever Razorpay's keys are.
 */
export function gatewaysFromConfig(config: Config, log: Logger): GatewayRegistry {
  const rupantorpay = new RupantorpayGateway(
    {
      apiKey: config.rupantorpay.apiKey,
      apiBase: config.rupantorpay.apiBase,
      publicBaseUrl: config.publicBaseUrl,
      timeoutMs: config.gatewayTimeoutMs,
    },
    log.child({ gateway: 'rupantorpay' }),
  );
  const rupantorpayEnabled = !(config.mode === 'live' && config.rupantorpay.sandbox);
  const stripeEnabled = !(config.mode === 'live' && config.stripe.sandbox);
  const { sandbox: _sandbox, ...stripe } = config.stripe;
  return createGatewayRegistry([
    new RazorpayGateway(
      {
        keyId: config.razorpay.keyId,
        keySecret: config.razorpay.keySecret,
        webhookSecret: config.razorpay.webhookSecret,
        apiBase: config.razorpay.apiBase,
        checkoutUrl: config.razorpay.checkoutUrl,
        timeoutMs: config.gatewayTimeoutMs,
        storeName: config.storeName,
        sandboxControlUrl:
          config.mode === 'sandbox' ? sandboxControlUrl(config.razorpay.apiBase) : undefined,
      },
      log.child({ gateway: 'razorpay' }),
    ),
    ...(rupantorpayEnabled ? [rupantorpay] : []),
    ...(stripeEnabled
      ? [
          new StripeGateway(
            {
              ...stripe,
              publicBaseUrl: config.publicBaseUrl,
              timeoutMs: config.gatewayTimeoutMs,
              sandboxControlUrl: config.stripe.sandbox
                ? sandboxControlUrl(config.stripe.apiBase)
                : undefined,
            },
            log.child({ gateway: 'stripe' }),
          ),
        ]
      : []),
  ]);
}
