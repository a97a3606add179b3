import type { OrderDto } from '@checkout-lab/contracts/dto';
import { useCallback, useEffect, useState } from 'react';
import { ORDER_POLL_INTERVAL_MS, ORDER_POLL_TIMEOUT_MS } from '../../config/store';
import { ApiError, getOrder, toApiError } from '../../lib/api-client';

interface PollOptions {
  /** The answer we are waiting for (e.g. paid). Pass a stable (module-level) function. */
  isSettled(order: OrderDto): boolean;
  /** When to stop asking; defaults to isSettled. Lets a page keep following a live timeline. */
  stopWhen?(order: OrderDto): boolean;
  intervalMs?: number;
  timeoutMs?: number;
}

interface PollState {
  order?: OrderDto;
  error?: ApiError;
  /** Polling stopped at the deadline without a settled answer. */
  timedOut: boolean;
}

/**
 * Asks the server for the order every `intervalMs` until it is settled (or `stopWhen`), or until
 * `timeoutMs` passes. The browser never decides an order is paid; it only reports the server.
 */
export function useOrderPolling(orderId: string, options: PollOptions) {
  const {
    isSettled,
    stopWhen = isSettled,
    intervalMs = ORDER_POLL_INTERVAL_MS,
    timeoutMs = ORDER_POLL_TIMEOUT_MS,
  } = options;
  const [round, setRound] = useState(0);
  const [state, setState] = useState<PollState>({ timedOut: false });

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = Date.now() + timeoutMs;

    const tick = async () => {
      let next: PollState;
      try {
        const order = await getOrder(orderId);
        next = { order, timedOut: false };
        if (stopWhen(order)) {
          if (!stopped) setState(next);
          return;
        }
      } catch (err) {
        const error = toApiError(err);
        next = { error, timedOut: false };
        if (error.code === 'ORDER_NOT_FOUND') {
          if (!stopped) setState((s) => ({ ...s, error, timedOut: false }));
          return;
        }
      }
      if (stopped) return;
      const expired = Date.now() >= deadline;
      setState((s) => ({
        order: next.order ?? s.order,
        error: next.error,
        timedOut: expired && !(next.order && isSettled(next.order)),
      }));
      if (!expired) timer = setTimeout(() => void tick(), intervalMs);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [orderId, round, intervalMs, timeoutMs, isSettled, stopWhen]);

  const restart = useCallback(() => {
    setState((s) => ({ ...s, timedOut: false }));
    setRound((r) => r + 1);
  }, []);
  const settled = state.order ? isSettled(state.order) : false;
  return { ...state, settled, restart };
}
