// Resend: ask for a webhook event to be delivered again. The sandbox does it (its control API);
// a real gateway resends from its dashboard, and the answer says where. A stored event that
// comes back is answered "duplicate" and changes nothing: the inbox counts the redelivery.
import type { WebhookResendDto } from '@checkout-lab/contracts/dto';
import type { WebhookResendInput } from '@checkout-lab/contracts/schemas';
import { HttpError } from '../errors';
import type { ServiceContext } from './context';

const unavailable = (message: string) => new HttpError(409, 'RESEND_UNAVAILABLE', message);

export async function resendWebhook(
  ctx: ServiceContext,
  input: WebhookResendInput,
): Promise<WebhookResendDto> {
  const gateway = ctx.gateways.find(input.gateway);
  if (!gateway) throw unavailable(`Gateway "${input.gateway}" is not enabled`);
  if (!gateway.resendWebhook) {
    throw unavailable(`${gateway.label} has no resend the shop can ask for: use its dashboard.`);
  }
  const result = await gateway.resendWebhook(input.eventId);
  if (!result.resent) throw unavailable(result.how);
  return { resent: { gateway: gateway.name, eventId: input.eventId } };
}
