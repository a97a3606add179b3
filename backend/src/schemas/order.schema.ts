// The backend-only parts of the order and payment API's input; the bodies buyers send are
// shared with the storefront (@checkout-lab/contracts/schemas).
import { gatewayNameSchema } from '@checkout-lab/contracts/schemas';
import { z } from 'zod';

export const ORDER_PUBLIC_ID = /^ord_[A-Za-z0-9_-]{16,40}$/;

export const orderIdParams = z.strictObject({
  id: z.string().regex(ORDER_PUBLIC_ID, 'is not an order id'),
});

export const gatewayParams = z.strictObject({ gateway: gatewayNameSchema });

/**
 * What the browser brought back from a gateway, as flat strings (a modal handler's payload, a
 * redirect's query string), plus the shop order it claims. The gateway itself reads the rest.
 */
export const paymentReturnBody = z
  .object({ order: orderIdParams.shape.id.optional() })
  .catchall(z.string().max(500))
  .refine((params) => Object.keys(params).length <= 20, 'at most 20 parameters')
  // The same bound, stated for JSON Schema (the OpenAPI document), which cannot read a refine.
  .meta({ maxProperties: 20 });

export type PaymentReturnBody = z.infer<typeof paymentReturnBody>;
