// requests/sandbox.http is written by hand: this test walks the sandbox's Express app and fails
// when a control route (/_sandbox/…) has no request in it, or the file names one that is gone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { servedRoutes } from '../../../scripts/lib/express-routes.cjs';
import { buildApp } from '../../src/app';
import { createContext } from '../../src/context';
import { parseConfig, sandboxDefaults } from '../../src/config';

const isControl = (route: string) => route.split(' ')[1]!.startsWith('/_sandbox/');
const app = buildApp(createContext(parseConfig({ ...sandboxDefaults, logLevel: 'silent' })));
const served = servedRoutes(app);

const file = readFileSync(join(__dirname, '../../../requests/sandbox.http'), 'utf8');
const inFile = new Set(
  [...file.matchAll(/^(GET|POST|PUT|DELETE) \{\{sandbox\}\}(\S+)$/gm)].map(
    ([, method, url]) =>
      `${method} ${url!
        .split('?')[0]!
        .replace('{{eventId}}', ':id')
        .replace('{{razorpayOrderId}}', ':order_id')}`,
  ),
);

test('when the control API is walked, then every route has a request in requests/sandbox.http, and nothing else is there', () => {
  const control = [...served].filter(isControl);
  expect(control.length).toBeGreaterThan(15);
  expect(control.filter((r) => !inFile.has(r))).toEqual([]);
  expect([...inFile].filter((r) => !served.has(r))).toEqual([]);
});

test('when the tutorial pays "from another device", then that endpoint is in the file too', () => {
  expect(inFile).toContain('POST /razorpay/_sandbox/orders/:order_id/pay');
});
