// How the CLI shows the webhook log: `--> event` for what the sandbox raised, `<-- [status]`
// for each delivery attempt; `events --follow` keeps printing new lines, with their times.
import type { DeliveryLogEntry } from './webhooks/webhook-delivery.service';

export interface EventView {
  id: string;
  type: string;
  /** Unix seconds, as Razorpay's `created_at`. */
  created_at?: number;
  deliveries: DeliveryLogEntry[];
}

export function formatDelivery(d: DeliveryLogEntry): string {
  const status = d.status === null ? 'ERR' : String(d.status);
  const notes = [
    d.attempt > 1 ? `attempt ${d.attempt}` : '',
    d.faults.length > 0 ? `fault: ${d.faults.join('+')}` : '',
    d.error ?? '',
    d.nextRetryInMs !== null ? `retry in ${d.nextRetryInMs} ms` : '',
  ].filter(Boolean);
  return `<-- [${status}] POST ${d.url}${notes.length > 0 ? `  (${notes.join('; ')})` : ''}`;
}

export const NO_EVENTS =
  'No events yet. Pay an order, or run: npm run sandbox -- trigger payment.captured';

export function formatEvents(events: EventView[]): string {
  if (events.length === 0) return NO_EVENTS;
  return events
    .flatMap((e) => [`--> ${e.type} [${e.id}]`, ...e.deliveries.map(formatDelivery)])
    .join('\n');
}

/** "14:03:07", local time: the clock people compare with the other terminal. */
function clock(date: Date): string {
  return date.toTimeString().slice(0, 8);
}

/** What is new since the last look (`seen` holds the ids already shown), as timestamped lines. */
export function newLines(events: EventView[], seen: Set<string>): string[] {
  const lines: string[] = [];
  for (const event of events) {
    if (!seen.has(event.id)) {
      seen.add(event.id);
      const at = event.created_at ? new Date(event.created_at * 1000) : new Date();
      lines.push(`${clock(at)} --> ${event.type} [${event.id}]`);
    }
    for (const delivery of event.deliveries) {
      if (seen.has(delivery.id)) continue;
      seen.add(delivery.id);
      lines.push(`${clock(new Date(delivery.startedAt))} ${formatDelivery(delivery)}`);
    }
  }
  return lines;
}

/** Polls the log until `signal` aborts, printing each new line as it appears. */
export async function followEvents(
  load: () => Promise<EventView[]>,
  print: (line: string) => void,
  signal: AbortSignal,
  intervalMs = 1000,
): Promise<void> {
  const seen = new Set<string>();
  let first = true;
  while (!signal.aborted) {
    const lines = newLines(await load(), seen);
    if (first) print(lines.length > 0 ? lines.join('\n') : `${NO_EVENTS}\nWaiting for events…`);
    else if (lines.length > 0) print(lines.join('\n'));
    first = false;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, intervalMs);
      signal.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    });
  }
}
