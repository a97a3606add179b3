import type { Logger } from 'pino';
import type { Faults, SandboxConfig } from './config';
import { createLogger } from './logger';
import { razorpayWebhookFormat } from './razorpay/webhook-format';
import { rupantorpayWebhookFormat } from './rupantorpay/webhook-format';
import type { RupantorDialect } from './rupantorpay/dialect';
import type { StoredEvent } from './store/entities';
import { MemoryStore } from './store/memory.store';
import { attachSnapshot } from './store/snapshot';
import { stripeWebhookFormat } from './stripe/webhook-format';
import type { RandomSource } from './webhooks/faults';
import { WebhookDeliveryService } from './webhooks/webhook-delivery.service';

/** What can change while the sandbox runs (control API, CLI, in-process handle). */
export interface RuntimeSettings {
  autoCapture: boolean;
  timeScale: number;
  /** Razorpay's webhook targets. */
  webhookUrls: string[];
  stripeWebhookUrls: string[];
  faults: Faults;
  rupantorpayDialect: RupantorDialect;
}

export interface SandboxContext {
  readonly config: SandboxConfig;
  readonly settings: RuntimeSettings;
  readonly store: MemoryStore;
  readonly webhooks: WebhookDeliveryService;
  readonly log: Logger;
  readonly random: RandomSource;
  /** Stores the events one action raised and hands them to delivery as one ordered batch. */
  emit(batch: StoredEvent[]): void;
  /** Writes a pending snapshot now (shutdown). */
  flush(): void;
}

export interface ContextDeps {
  /** Injected in tests to make fault selection deterministic; Math.random otherwise. */
  random?: RandomSource;
  logger?: Logger;
}

export function createContext(config: SandboxConfig, deps: ContextDeps = {}): SandboxContext {
  const log = deps.logger ?? createLogger(config);
  const random = deps.random ?? Math.random;
  const settings: RuntimeSettings = {
    autoCapture: config.autoCapture,
    timeScale: config.timeScale,
    webhookUrls: [...config.webhookUrls],
    stripeWebhookUrls: [...config.stripeWebhookUrls],
    faults: { ...config.faults },
    rupantorpayDialect: { ...config.rupantorpayDialect },
  };
  const store = new MemoryStore();
  const snapshot = config.snapshotFile ? attachSnapshot(store, config.snapshotFile, log) : null;
  const webhooks = new WebhookDeliveryService({
    settings,
    formats: {
      razorpay: razorpayWebhookFormat(config.razorpayWebhookSecret, () => settings.webhookUrls),
      rupantorpay: rupantorpayWebhookFormat(),
      stripe: stripeWebhookFormat(config.stripeWebhookSecret, () => settings.stripeWebhookUrls),
    },
    timeoutMs: config.webhookTimeoutMs,
    maxAttempts: config.webhookMaxAttempts,
    random,
    log,
  });
  return {
    config,
    settings,
    store,
    webhooks,
    log,
    random,
    emit(batch) {
      for (const event of batch) {
        store.saveEvent(event);
        log.info(
          { eventId: event.id, targets: webhooks.targetsOf(event).length },
          `--> ${event.type}`,
        );
      }
      webhooks.dispatch(batch);
    },
    flush() {
      snapshot?.flush();
    },
  };
}
