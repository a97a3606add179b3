import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { buildApp } from '../../src/app';
import { parseConfig, sandboxDefaults } from '../../src/config';
import { createContext } from '../../src/context';
import { NETBANKING_BANKS, WALLETS, modalTables } from '../../src/razorpay/methods';
import { basicAuth } from '../helpers/sandbox';

// The modal must offer exactly what the pay endpoint accepts: one table, served to the page.
describe("the checkout modal's method tables", () => {
  const ctx = createContext(
    parseConfig({ ...sandboxDefaults, webhookUrls: [], logLevel: 'silent' }),
  );
  const app = buildApp(ctx);
  afterAll(() => ctx.webhooks.close());

  it("when the modal page is served, then it carries the server's own banks, wallets and card rules", async () => {
    const page = await request(app).get('/razorpay/_sandbox/checkout').expect(200);
    const json = /<script type="application\/json" id="rzp-tables">([\s\S]*?)<\/script>/.exec(
      page.text,
    )?.[1];
    expect(JSON.parse(json ?? 'null')).toEqual(JSON.parse(JSON.stringify(modalTables())));
  });

  it('when modal.js is read, then it holds no copy of a bank, wallet or network table', () => {
    const source = readFileSync(join(__dirname, '../../src/razorpay/public/modal.js'), 'utf8');
    for (const code of [...Object.keys(NETBANKING_BANKS), ...Object.keys(WALLETS)]) {
      expect(source).not.toMatch(new RegExp(`['"]?\\b${code}\\b['"]?\\s*:`));
    }
    expect(source).not.toMatch(/American Express|RuPay|MasterCard/);
  });

  it('when every bank and wallet in the tables is paid with, then the pay endpoint accepts each, and refuses one outside them', async () => {
    const pay = async (body: object) => {
      const order = await request(app)
        .post('/razorpay/v1/orders')
        .set('Authorization', basicAuth())
        .send({ amount: 1000, currency: 'INR' });
      return request(app).post(`/razorpay/_sandbox/orders/${order.body.id}/pay`).send(body);
    };
    for (const bank of Object.keys(NETBANKING_BANKS)) {
      expect((await pay({ method: 'netbanking', bank })).status).toBe(200);
    }
    for (const wallet of Object.keys(WALLETS)) {
      expect((await pay({ method: 'wallet', wallet })).status).toBe(200);
    }
    expect((await pay({ method: 'netbanking', bank: 'ZZZZ' })).body.error.field).toBe('bank');
  });
});
