import type { Logger } from 'pino';
import type { Faults } from '../config';
import type { StoredEvent } from '../store/entities';
import { newId } from '../store/ids';
import { retryDelayMs } from './backoff';
import { roll, rollEventFaults, tamperBody, type FaultKind, type RandomSource } from './faults';
import type { WebhookFormat, WebhookFormats } from './webhook-format';
import { postWebhook, type SendResult } from './webhook-sender';
import { WorkTracker } from './work-tracker';

export interface DeliveryLogEntry {
  id: string;
  eventId: string;
  event: string;
  gateway: StoredEvent['gateway'];
  url: string;
  attempt: number;
  /** Faults that shaped this attempt (empty for a plain delivery). */
  faults: FaultKind[];
  /** HTTP status, or null when no response came back (connection error, timeout, simulated drop). */
  status: number | null;
  ok: boolean;
  error: string | null;
  startedAt: string;
  durationMs: number;
  /** When a retry was scheduled after this attempt, how long until it runs. */
  nextRetryInMs: number | null;
}

export interface DeliverySettings {
  faults: Faults;
  timeScale: number;
}

export interface DeliveryDeps {
  settings: DeliverySettings;
  /** How each gateway signs its webhooks, where they go, and whether faults apply. */
  formats: WebhookFormats;
  timeoutMs: number;
  maxAttempts: number;
  random: RandomSource;
  log: Logger;
}

interface Item {
  event: StoredEvent;
  faults: Set<FaultKind>;
  reordered: boolean;
}

const MAX_LOG = 5000;

/** Sends webhooks with retries and fault injection, and keeps the delivery log. */
export class WebhookDeliveryService {
  private readonly entries: DeliveryLogEntry[] = [];
  private readonly work = new WorkTracker();
  private readonly queues = new Map<string, Promise<void>>();

  constructor(private readonly deps: DeliveryDeps) {}

  /**
   * Delivers the events one action raised, in order, to each target. Faults apply only where the
   * gateway's format says so (an unsigned hint has nothing to tamper with).
   */
  dispatch(batch: StoredEvent[]): void {
    const first = batch[0];
    if (!first || this.work.closed) return;
    const { faults } = this.deps.settings;
    const faulty = this.formatOf(first).faults;
    const reorder = faulty && batch.length > 1 && roll(faults.reorder, this.deps.random);
    const items: Item[] = batch.map((event) => ({
      event,
      faults: faulty ? rollEventFaults(faults, this.deps.random) : new Set<FaultKind>(),
      reordered: reorder,
    }));
    const sequence = reorder ? items.reverse() : items;

    const byUrl = new Map<string, Item[]>();
    for (const item of sequence) {
      for (const url of this.targetsOf(item.event))
        byUrl.set(url, [...(byUrl.get(url) ?? []), item]);
    }
    for (const [url, list] of byUrl) {
      // First attempts go out one at a time per target, batch after batch, so "in order" (and
      // "reordered") means something to the receiver. Retries run on their own schedule.
      const onTime = list.filter((i) => !i.faults.has('delay'));
      const queued = (this.queues.get(url) ?? Promise.resolve())
        .then(async () => {
          for (const item of onTime) await this.firstAttempt(item, url);
        })
        .catch((err: unknown) => this.deps.log.error({ err, url }, 'webhook queue failed'));
      this.queues.set(url, queued);
      this.work.track(queued);
      for (const item of list.filter((i) => i.faults.has('delay'))) {
        this.work.schedule(faults.delayMs, () => this.firstAttempt(item, url));
      }
    }
  }

  /** Sends a stored event again, byte for byte, to its current targets; no faults. */
  resend(event: StoredEvent): void {
    for (const url of this.targetsOf(event)) {
      this.work.track(this.attempt({ event, faults: new Set(), reordered: false }, url, 1, []));
    }
  }

  deliveries(): DeliveryLogEntry[] {
    return [...this.entries];
  }

  idle(): Promise<void> {
    return this.work.idle();
  }

  close(): void {
    this.work.close();
  }

  /** The configured targets an event goes to (its own fixed ones, or its gateway's). */
  targetsOf(event: StoredEvent): string[] {
    return event.targets ?? this.formatOf(event).targets();
  }

  private formatOf(event: StoredEvent): WebhookFormat {
    return this.deps.formats[event.gateway];
  }

  private async firstAttempt(item: Item, url: string): Promise<void> {
    const tags: FaultKind[] = [];
    if (item.reordered) tags.push('reorder');
    if (item.faults.has('delay')) tags.push('delay');
    if (item.faults.has('failFirst')) {
      const entry = this.record(item, url, 1, [...tags, 'failFirst'], {
        status: null,
        error: 'simulated connection failure (failFirst fault); not sent',
        startedAt: new Date(),
        durationMs: 0,
      });
      entry.nextRetryInMs = this.scheduleRetry(item, url, 1);
    } else {
      const tamper = item.faults.has('tamper');
      await this.attempt(item, url, 1, tamper ? [...tags, 'tamper'] : tags, tamper);
    }
    if (item.faults.has('duplicate')) {
      await this.send(item, url, 1, [...tags, 'duplicate'], false, false);
    }
  }

  private attempt(
    item: Item,
    url: string,
    n: number,
    tags: FaultKind[],
    tamper = false,
  ): Promise<void> {
    return this.send(item, url, n, tags, tamper, true);
  }

  private async send(
    item: Item,
    url: string,
    n: number,
    tags: FaultKind[],
    tamper: boolean,
    retry: boolean,
  ): Promise<void> {
    if (this.work.closed) return;
    const { event } = item;
    const headers = this.formatOf(event).headers(event, new Date());
    const body = tamper ? tamperBody(event.body) : event.body;
    const controller = this.work.controller();
    const result = await postWebhook(url, headers, body, this.deps.timeoutMs, controller);
    this.work.release(controller);
    const entry = this.record(item, url, n, tags, result);
    if (!entry.ok && retry) entry.nextRetryInMs = this.scheduleRetry(item, url, n);
  }

  private scheduleRetry(item: Item, url: string, failedAttempt: number): number | null {
    if (failedAttempt >= this.deps.maxAttempts || this.work.closed) return null;
    const wait = retryDelayMs(failedAttempt, this.deps.settings.timeScale);
    this.work.schedule(wait, () => this.attempt(item, url, failedAttempt + 1, []));
    return wait;
  }

  private record(
    item: Item,
    url: string,
    attempt: number,
    faults: FaultKind[],
    r: SendResult,
  ): DeliveryLogEntry {
    const ok = r.status !== null && r.status >= 200 && r.status < 300;
    const entry: DeliveryLogEntry = {
      id: newId('dlv'),
      eventId: item.event.id,
      event: item.event.type,
      gateway: item.event.gateway,
      url,
      attempt,
      faults,
      status: r.status,
      ok,
      error: r.error,
      startedAt: r.startedAt.toISOString(),
      durationMs: r.durationMs,
      nextRetryInMs: null,
    };
    this.entries.push(entry);
    if (this.entries.length > MAX_LOG) this.entries.splice(0, this.entries.length - MAX_LOG);
    this.deps.log.info(
      { event: entry.event, eventId: entry.eventId, url, attempt, status: entry.status, faults },
      ok ? 'webhook delivered' : 'webhook delivery failed',
    );
    return entry;
  }
}
