// Rejected webhook deliveries are counted and sampled, never stored one document each.
import type { WebhookRejectionsDto } from '@checkout-lab/contracts/dto';
import type { WebhookClaims } from '../gateways/gateway';
import {
  REJECTION_BODY_CHARS,
  REJECTION_SAMPLES,
  WebhookRejectionModel,
} from '../models/webhook-rejection.model';

/** Counts one rejection and keeps it as the newest sample (overwriting the oldest slot). */
export async function recordRejection(
  gateway: string,
  rejection: {
    source: string;
    reason: string;
    rawBody: Buffer;
    /** What the delivery claimed to be (read by its gateway, never trusted). */
    claims?: WebhookClaims;
  },
): Promise<void> {
  const at = new Date();
  const counted = await WebhookRejectionModel.findOneAndUpdate(
    { _id: gateway },
    { $inc: { count: 1 }, $set: { lastAt: at } },
    { upsert: true, returnDocument: 'after' },
  );
  const slot = (counted.count - 1) % REJECTION_SAMPLES;
  const body = rejection.rawBody.subarray(0, REJECTION_BODY_CHARS * 4).toString('utf8');
  await WebhookRejectionModel.updateOne(
    { _id: gateway },
    {
      $set: {
        [`samples.${slot}`]: {
          at,
          source: rejection.source.slice(0, 64),
          reason: rejection.reason.slice(0, 200),
          body: body.slice(0, REJECTION_BODY_CHARS),
          ...(rejection.claims?.type ? { claimedType: rejection.claims.type } : {}),
          ...(rejection.claims?.eventId ? { claimedEventId: rejection.claims.eventId } : {}),
        },
      },
    },
  );
}

export async function listRejections(): Promise<WebhookRejectionsDto[]> {
  const docs = await WebhookRejectionModel.find().sort({ _id: 1 });
  return docs.map((doc) => ({
    gateway: doc._id,
    count: doc.count,
    lastAt: doc.lastAt?.toISOString() ?? null,
    samples: [...doc.samples.values()]
      .sort((a, b) => b.at.getTime() - a.at.getTime())
      .map((s) => ({
        at: s.at.toISOString(),
        source: s.source,
        reason: s.reason,
        claimedType: s.claimedType ?? null,
        claimedEventId: s.claimedEventId ?? null,
        body: s.body,
      })),
  }));
}
