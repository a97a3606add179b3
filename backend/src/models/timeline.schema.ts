import {
  TIMELINE_SOURCES,
  TIMELINE_TYPES,
  type TimelineSource,
  type TimelineType,
} from '@checkout-lab/contracts/statuses';
import { Schema } from 'mongoose';

// The timeline of an order or a payment says what happened and who said so.
export interface TimelineEntry {
  at: Date;
  type: TimelineType;
  source: TimelineSource;
  message: string;
  data?: Record<string, unknown>;
}

export const timelineEntrySchema = new Schema<TimelineEntry>(
  {
    at: { type: Date, required: true },
    type: { type: String, required: true, enum: TIMELINE_TYPES },
    source: { type: String, required: true, enum: TIMELINE_SOURCES },
    message: { type: String, required: true },
    data: { type: Schema.Types.Mixed },
  },
  { _id: false },
);

export function timelineEntry(
  type: TimelineType,
  source: TimelineSource,
  message: string,
  data?: Record<string, unknown>,
): TimelineEntry {
  return { at: new Date(), type, source, message, ...(data ? { data } : {}) };
}
