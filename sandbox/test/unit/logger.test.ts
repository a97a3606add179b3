import { formatPretty } from '../../src/logger';

describe('pretty log format', () => {
  it('when a pino record is formatted, then it becomes one readable line with its fields', () => {
    const line = JSON.stringify({
      level: 30,
      time: Date.UTC(2030, 0, 1, 9, 5, 7),
      service: 'sandbox',
      msg: 'webhook delivered',
      status: 200,
      faults: [],
    });
    expect(formatPretty(line)).toBe('09:05:07 INFO  webhook delivered  status=200 faults=[]\n');
  });

  it('when the line is not JSON, then it is passed through', () => {
    expect(formatPretty('plain')).toBe('plain');
  });
});
