// `npm run dev` is ready only when our own servers answer (scripts/lib/readiness.mjs): these
// tests stand fake servers on loopback in their place.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { test } from 'node:test';
import { BACKEND_SERVICE, portInUseMessage, portTaken, waitForService } from '../lib/readiness.mjs';

/** A loopback HTTP server answering every request with `status` and `body`; closed after the test. */
async function fakeServer(t, status, body, type = 'application/json') {
  const server = createServer((_req, res) => {
    res.writeHead(status, { 'content-type': type, server: 'fake/1.0' });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => server.close(resolve)));
  return server.address().port;
}

test('when our backend answers its health with its name, then it is ready', async (t) => {
  const port = await fakeServer(t, 200, {
    service: BACKEND_SERVICE,
    instance: 'abc',
    status: 'ok',
  });
  const outcome = await waitForService(`http://127.0.0.1:${port}/api/health`, BACKEND_SERVICE);
  assert.deepEqual(outcome, { state: 'ready', instance: 'abc' });
});

test('when another program answers on the port with a page, then it is refused as foreign', async (t) => {
  const port = await fakeServer(t, 200, '<html>Hello from something else</html>', 'text/html');
  const outcome = await waitForService(`http://127.0.0.1:${port}/api/health`, BACKEND_SERVICE);
  assert.equal(outcome.state, 'foreign');
  assert.match(outcome.answer, /HTTP 200 from fake\/1\.0: <html>Hello from something else/);
});

test('when another service answers health in JSON with its own name, then it is refused as foreign', async (t) => {
  const port = await fakeServer(t, 200, { service: 'someone-elses-api', status: 'ok' });
  const outcome = await waitForService(`http://127.0.0.1:${port}/api/health`, BACKEND_SERVICE);
  assert.deepEqual(outcome, { state: 'foreign', answer: 'HTTP 200 from "someone-elses-api"' });
});

test('when a foreign server answers 404, then it is refused rather than taken as ready', async (t) => {
  const port = await fakeServer(t, 404, 'Not Found', 'text/plain');
  const outcome = await waitForService(`http://127.0.0.1:${port}/api/health`, BACKEND_SERVICE);
  assert.equal(outcome.state, 'foreign');
});

test('when nothing listens until the deadline, then it times out', async () => {
  const closed = createServer();
  await new Promise((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const { port } = closed.address();
  await new Promise((resolve) => closed.close(resolve));
  const outcome = await waitForService(`http://127.0.0.1:${port}/api/health`, BACKEND_SERVICE, {
    timeoutMs: 600,
    intervalMs: 100,
  });
  assert.deepEqual(outcome, { state: 'timeout' });
});

test('when a server holds the port, then portTaken says so; once it closes, the port is free', async () => {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  assert.equal(await portTaken(port), true);
  await new Promise((resolve) => server.close(resolve));
  assert.equal(await portTaken(port), false);
});

test('when the port is taken, then the message names the port and the variable to change', () => {
  assert.equal(
    portInUseMessage(4000, 'PORT'),
    'Port 4000 is already in use by another program. Stop it, or set PORT to a free port (for example in .env).',
  );
});
