import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// ESLint keeps gateway imports out of webhooks/; this also catches a branch on a gateway's name.
describe('the webhook delivery engine', () => {
  const dir = join(__dirname, '../../src/webhooks');

  it('when its source is read, then no gateway is named in it', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect({ file, names: text.match(/razorpay|rupantor|stripe/gi) ?? [] }).toEqual({
        file,
        names: [],
      });
    }
  });
});
