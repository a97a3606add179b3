// A client that sends its headers or body too slowly is answered 408 and cut off, instead of
// holding a connection (and a body parser) open for minutes.
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createHttpServer } from '../../src/http-server';
import { buildTestApp } from '../helpers/test-app';
import { connectTestDatabase, dropTestDatabase } from '../helpers/test-database';

beforeAll(connectTestDatabase);
afterAll(dropTestDatabase);

/** Writes `head` to the server, then nothing more; resolves with what the server answered. */
async function trickle(port: number, head: string, waitMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(head));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    setTimeout(() => {
      socket.destroy();
      resolve(answer);
    }, waitMs);
  });
}

test.each([
  [
    'a body that stops half-way',
    'POST /api/orders HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"items":',
  ],
  [
    'headers that never end',
    'POST /api/orders HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n',
  ],
])('when a client sends %s, then it is answered 408 and disconnected', async (_label, head) => {
  const t = await buildTestApp({ REQUEST_TIMEOUT_MS: '500' });
  const server = createHttpServer(t.app, t.config);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const answer = await trickle((server.address() as AddressInfo).port, head, 5000);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
