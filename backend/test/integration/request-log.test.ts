// What the backend prints per request: one line at info (what `npm run dev` shows), the
// request's and response's headers only at debug.
import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { buildApp } from '../../src/app';
import { buildTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});

/** The app with a logger at `level` whose JSON lines are collected. */
function appLogging(level: string, env: 'development' | 'production' = 'development') {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const config = { ...t.config, env };
  const app = buildApp({ ...t.ctx, config, log: pino({ level }, sink) });
  return { app, lines };
}

test('when requests are served at info level, then each is one line: method, path, status, time', async () => {
  const { app, lines } = appLogging('info');
  await request(app).get('/api/config').expect(200);
  await request(app).get('/api/no-such-route?x=1').expect(404);
  await request(app).get('/api/health');
  expect(lines.map((l) => l.msg)).toEqual([
    expect.stringMatching(/^GET \/api\/config 200 \d+ ms$/),
    expect.stringMatching(/^GET \/api\/no-such-route\?x=1 404 \d+ ms$/),
  ]);
  for (const line of lines) {
    expect(line).not.toHaveProperty('req');
    expect(line).not.toHaveProperty('res');
  }
});

test('when LOG_LEVEL is debug, then the same line carries the request and response headers', async () => {
  const { app, lines } = appLogging('debug');
  await request(app).get('/api/config').set('User-Agent', 'request-log-test').expect(200);
  const line = lines.find((l) => String(l.msg).startsWith('GET /api/config 200'));
  expect(line).toMatchObject({
    req: { method: 'GET', headers: { 'user-agent': 'request-log-test' } },
    res: { statusCode: 200 },
  });
});

test('when running in production, then the line keeps method, url and status as JSON fields', async () => {
  const { app, lines } = appLogging('info', 'production');
  await request(app).get('/api/config').expect(200);
  expect(lines[0]).toMatchObject({ method: 'GET', url: '/api/config', statusCode: 200 });
  expect(lines[0]).not.toHaveProperty('req');
});
