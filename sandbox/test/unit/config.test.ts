import { ConfigError, loadConfigFromEnv, sandboxDefaults } from '../../src/config';

describe('config from env', () => {
  it('when no variable is set, then the .env.example defaults apply', () => {
    const config = loadConfigFromEnv({});
    expect(config).toEqual(sandboxDefaults);
    expect(config.razorpayKeyId).toBe('rzp_test_sandbox0000001');
    expect(config.webhookUrls).toEqual(['http://127.0.0.1:4000/api/webhooks/razorpay']);
  });

  it("when PORT is set, then the default webhook URL follows the backend's port", () => {
    expect(loadConfigFromEnv({ PORT: '4100' }).webhookUrls).toEqual([
      'http://127.0.0.1:4100/api/webhooks/razorpay',
    ]);
  });

  it('when sandbox variables are set, then they are parsed', () => {
    const config = loadConfigFromEnv({
      SANDBOX_PORT: '4999',
      SANDBOX_WEBHOOK_URLS: 'http://a.test/h, http://b.test/h',
      SANDBOX_AUTO_CAPTURE: 'false',
      SANDBOX_TIME_SCALE: '0.01',
      SANDBOX_FAULTS: 'duplicate=1,tamper=0.5',
      SANDBOX_SNAPSHOT_FILE: '/tmp/s.json',
    });
    expect(config).toMatchObject({
      port: 4999,
      webhookUrls: ['http://a.test/h', 'http://b.test/h'],
      autoCapture: false,
      timeScale: 0.01,
      snapshotFile: '/tmp/s.json',
    });
    expect(config.faults).toMatchObject({ duplicate: 1, tamper: 0.5, reorder: 0 });
  });

  it('when SANDBOX_WEBHOOK_URLS is "none", then there are no webhook targets', () => {
    expect(loadConfigFromEnv({ SANDBOX_WEBHOOK_URLS: 'none' }).webhookUrls).toEqual([]);
  });

  it('when values are invalid, then one readable error lists every problem', () => {
    let message = '';
    try {
      loadConfigFromEnv({ SANDBOX_PORT: 'abc', SANDBOX_AUTO_CAPTURE: 'maybe' });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = (err as Error).message;
    }
    expect(message).toMatch(/SANDBOX_PORT/);
    expect(message).toMatch(/SANDBOX_AUTO_CAPTURE/);
  });

  it('when a fault setting is malformed, then it is a config error', () => {
    expect(() => loadConfigFromEnv({ SANDBOX_FAULTS: 'duplicate=7' })).toThrow(ConfigError);
  });
});
