import { noFaults, parseFaultAssignments } from '../../src/config';
import { retryDelayMs } from '../../src/webhooks/backoff';
import { roll, rollEventFaults, tamperBody } from '../../src/webhooks/faults';

describe('fault selection', () => {
  const never = (): number => {
    throw new Error('random source must not be used for rates 0 and 1');
  };

  it('when a rate is 0 or 1, then the outcome is fixed and no random number is drawn', () => {
    expect(roll(0, never)).toBe(false);
    expect(roll(1, never)).toBe(true);
  });

  it('when a rate is between 0 and 1, then the injected random source decides', () => {
    expect(roll(0.5, () => 0.49)).toBe(true);
    expect(roll(0.5, () => 0.5)).toBe(false);
  });

  it('when every event fault is at rate 1, then every one is picked', () => {
    const picked = rollEventFaults(
      { ...noFaults, duplicate: 1, delay: 1, failFirst: 1, tamper: 1 },
      never,
    );
    expect([...picked].sort()).toEqual(['delay', 'duplicate', 'failFirst', 'tamper']);
  });

  it('when no fault is set, then none is picked', () => {
    expect(rollEventFaults(noFaults, never).size).toBe(0);
  });

  it('when a body is tampered, then its amount changes and everything else stays', () => {
    const body = JSON.stringify({
      event: 'payment.captured',
      payload: { payment: { entity: { amount: 500 } } },
    });
    const tampered = tamperBody(body);
    expect(tampered).not.toBe(body);
    expect(JSON.parse(tampered).payload.payment.entity.amount).toBe(50000);
    expect(tamperBody('{"event":"x"}')).toBe('{"tampered":true,"event":"x"}');
    const pretty = JSON.stringify({ data: { object: { amount: 1099 } } }, null, 2);
    expect(JSON.parse(tamperBody(pretty)).data.object.amount).toBe(109900);
  });

  it('when retries back off, then each waits twice as long, scaled by the time scale', () => {
    expect([1, 2, 3].map((n) => retryDelayMs(n, 1))).toEqual([10_000, 20_000, 40_000]);
    expect(retryDelayMs(1, 0.001)).toBe(10);
    expect(retryDelayMs(1, 0.000001)).toBe(1);
  });

  it('when fault assignments are parsed, then aliases and separators are accepted', () => {
    expect(parseFaultAssignments('duplicate=0.5, fail_first=1 delay-ms=200')).toEqual({
      duplicate: 0.5,
      failFirst: 1,
      delayMs: 200,
    });
  });

  it('when a fault assignment is unknown or out of range, then it is rejected', () => {
    expect(() => parseFaultAssignments('explode=1')).toThrow(/Invalid fault/);
    expect(() => parseFaultAssignments('duplicate=2')).toThrow();
    expect(() => parseFaultAssignments('tamper')).toThrow(/Invalid fault/);
  });
});
