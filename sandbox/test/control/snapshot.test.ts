import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { basicAuth, createOrder, startTestSandbox } from '../helpers/sandbox';

describe('snapshot file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-snapshot-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('when the sandbox restarts with the same snapshot file, then orders survive', async () => {
    const file = join(dir, 'state.json');
    const first = await startTestSandbox({ snapshotFile: file });
    const order = await createOrder(first, 12300);
    await first.close();
    expect(JSON.parse(readFileSync(file, 'utf8')).orders).toHaveLength(1);

    const second = await startTestSandbox({ snapshotFile: file });
    const res = await fetch(`${second.razorpayApiBase}/v1/orders/${order.id}`, {
      headers: { authorization: basicAuth() },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: order.id, amount: 12300 });
    await second.close();
  });

  it('when the snapshot file is corrupt, then the sandbox starts empty instead of crashing', async () => {
    const file = join(dir, 'corrupt.json');
    writeFileSync(file, '{"version": 1, "orders": "nope"');
    const sandbox = await startTestSandbox({ snapshotFile: file });
    const res = await fetch(`${sandbox.url}/_sandbox/health`);
    expect(await res.json()).toMatchObject({ status: 'ok', orders: 0 });
    await sandbox.close();
  });
});
