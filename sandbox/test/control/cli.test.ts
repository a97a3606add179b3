import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { formatDelivery, run } from '../../src/cli';
import type { RunningSandbox } from '../../src/index';
import { startTestSandbox } from '../helpers/sandbox';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver';

describe('sandbox CLI', () => {
  let sandbox: RunningSandbox;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    sandbox = await startTestSandbox({ webhookUrls: [receiver.url] });
  });
  afterAll(async () => {
    await sandbox.close();
    await receiver.close();
  });
  const cli = (...args: string[]) => run([...args, '--url', sandbox.url], {});

  it('when an event is triggered and the log is read, then it prints --> and <-- lines', async () => {
    receiver.respondWith([500]);
    const triggered = await cli('trigger', 'payment.failed');
    expect(triggered).toMatch(/^--> payment\.failed \[evt_[0-9A-Za-z]{14}\]$/);
    await sandbox.idle();
    const log = await cli('events');
    const lines = log.split('\n');
    expect(lines).toContain(triggered);
    expect(lines).toContain(`<-- [500] POST ${receiver.url}  (retry in 10 ms)`);
    expect(lines).toContain(`<-- [200] POST ${receiver.url}  (attempt 2)`);
  });

  it('when an event is resent, then the CLI confirms it', async () => {
    const id = /evt_[0-9A-Za-z]{14}/.exec(await cli('trigger', 'payment.authorized'))?.[0] ?? '';
    expect(await cli('resend', id)).toBe(`--> payment.authorized [${id}] (resent)`);
  });

  it('when faults are set and reset, then the sandbox reflects it', async () => {
    expect(JSON.parse(await cli('faults', 'set', 'duplicate=0.5', 'fail_first=1'))).toMatchObject({
      duplicate: 0.5,
      failFirst: 1,
    });
    expect(JSON.parse(await cli('faults', 'reset'))).toMatchObject({ duplicate: 0, failFirst: 0 });
    await expect(cli('faults', 'set', 'bogus=1')).rejects.toThrow(/Invalid fault/);
  });

  it('when settings and webhooks are given, then they are applied', async () => {
    expect(JSON.parse(await cli('settings', 'autoCapture=false'))).toMatchObject({
      autoCapture: false,
    });
    expect(JSON.parse(await cli('settings', 'autoCapture=true'))).toMatchObject({
      autoCapture: true,
    });
    expect(JSON.parse(await cli('webhooks'))).toEqual({ urls: [receiver.url] });
  });

  it("when RupantorPay's dialect is set, shown and reset, then the sandbox reflects it", async () => {
    expect(JSON.parse(await cli('dialect', 'seed000', 'metadata=string'))).toMatchObject({
      statuses: 'seed000',
      returnQuery: 'transaction_id',
      metadata: 'string',
    });
    expect(JSON.parse(await cli('dialect'))).toMatchObject({ statuses: 'seed000' });
    expect(JSON.parse(await cli('dialect', 'reset'))).toMatchObject({ statuses: 'documented' });
    await expect(cli('dialect', 'loud')).rejects.toThrow(/Invalid dialect/);
  });

  it('when a delivery had faults and no response, then the line says so', () => {
    expect(
      formatDelivery({
        id: 'dlv_x',
        eventId: 'evt_x',
        event: 'order.paid',
        gateway: 'razorpay',
        url: 'http://h/w',
        attempt: 1,
        faults: ['failFirst'],
        status: null,
        ok: false,
        error: 'simulated',
        startedAt: '',
        durationMs: 0,
        nextRetryInMs: 10,
      }),
    ).toBe('<-- [ERR] POST http://h/w  (fault: failFirst; simulated; retry in 10 ms)');
  });

  it('when no sandbox is running, then the real CLI exits non-zero with a clear message', async () => {
    const cliPath = join(__dirname, '../../src/cli.ts');
    const tsx = join(__dirname, '../../../node_modules/.bin/tsx');
    const failure = await promisify(execFile)(
      tsx,
      [cliPath, 'events', '--url', 'http://127.0.0.1:9'],
      { timeout: 20000 },
    ).then(
      () => null,
      (err: { code: number; stderr: string }) => err,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/No sandbox is running at http:\/\/127\.0\.0\.1:9/);
  });
});
