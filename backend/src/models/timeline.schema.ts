import { Schema } from 'mongoose';

/** Who reported a fact: the timeline of a payment says what happened and who said so. */
export const TIMELINE_SOURCES = ['checkout', 'verify', 'webhook', 'reconcile', 'admin'] as const;
export type TimelineSource = (typeof TIMELINE_SOURCES)[number];

export interface TimelineEntry {
  at: Date;
  type: string;
  source: TimelineSource;
  message: string;
  data?: Record<string, unknown>;
}

export const timelineEntrySchema = new Schema<TimelineEntry>(
  {
    at: { type: Date, required: true },
    type: { type: String, required: true },
    source: { type: String, required: true, enum: TIMELINE_SOURCES },
    message: { type: String, required: true },
    data: { type: Schema.Types.Mixed },
  },
  { _id: false },
);

export function timelineEntry(
  type: string,
  source: TimelineSource,
  message: string,
  data?: Record<string, unknown>,
): TimelineEntry {
  return { at: new Date(), type, source, message, ...(data ? { data } : {}) };
}
