import type { OrderDto } from '@checkout-lab/contracts/dto';
import { formatTime } from '../../lib/format-date';
import { computeSteps, describeType } from './timeline-steps';

const STATE_TEXT = { done: 'done', problem: 'needs attention', waiting: 'not yet' } as const;

/** The payment's flow diagram, live: every step, when it happened and who reported it. */
export function OrderTimeline({ order }: { order: OrderDto }) {
  const steps = computeSteps(order.timeline);
  return (
    <section className="timeline" aria-labelledby={`timeline-${order.id}`}>
      <h2 id={`timeline-${order.id}`}>Payment timeline</h2>
      <ol className="timeline-steps" aria-label="Payment steps">
        {steps.map((s) => (
          <li
            key={s.key}
            className={`timeline-step timeline-step-${s.state}`}
            data-testid={`step-${s.key}`}
            data-state={s.state}
          >
            <span className="timeline-dot" aria-hidden="true">
              {s.state === 'done' ? '✓' : s.state === 'problem' ? '!' : ''}
            </span>
            <span className="timeline-step-label">{s.label}</span>
            <span className="visually-hidden">: {STATE_TEXT[s.state]}</span>
            {s.at && <time dateTime={s.at}>{formatTime(s.at)}</time>}
            {s.sources.length > 0 && (
              <span className="timeline-sources">
                by{' '}
                {s.sources.map((source) => (
                  <span key={source} className={`source source-${source}`}>
                    {source}
                  </span>
                ))}
              </span>
            )}
            {s.problems > 0 && (
              <span className="timeline-problems">
                {s.problems} {s.key === 'checkout' ? 'failed attempt' : 'problem'}
                {s.problems > 1 ? 's' : ''}
              </span>
            )}
          </li>
        ))}
      </ol>
      <details className="timeline-log">
        <summary>Every event ({order.timeline.length})</summary>
        <ol aria-label="Timeline events">
          {order.timeline.map((e, i) => (
            <li key={`${e.at}-${i}`} className={e.type.includes('failed') ? 'log-problem' : ''}>
              <time dateTime={e.at}>{formatTime(e.at)}</time>
              <span className={`source source-${e.source}`}>{e.source}</span>
              <strong>{describeType(e.type)}</strong>
              {e.attempt !== undefined && <span className="hint">attempt {e.attempt}</span>}
              <p>{e.message}</p>
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
