// A product's name is trimmed before it is stored, and the OpenAPI document says so with a
// pattern: schemathesis once generated a name of one no-break space (U+00A0), which the document
// allowed (minLength 1) and the server refused once trimmed (seen in CI, `npm run test:fuzz`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { productInputSchema } from '../src/schemas';

const base = { slug: 'mug', price: 34900, currency: 'INR', stock: 3 };

test('when a name is only whitespace of any kind, then it is refused', () => {
  for (const name of [' ', '\u00a0', '\ufeff', '\u3000\t', '\u2028']) {
    assert.equal(
      productInputSchema.safeParse({ ...base, name }).success,
      false,
      JSON.stringify(name),
    );
  }
});

test('when a name has spaces at its edges, then it is stored trimmed', () => {
  const parsed = productInputSchema.parse({ ...base, name: '\u00a0 Steel Mug ' });
  assert.equal(parsed.name, 'Steel Mug');
});

test('when the document states the name rule, then every name its pattern allows survives the trim', () => {
  const document = z.toJSONSchema(productInputSchema, { io: 'input' }) as {
    properties: { name: { pattern: string } };
  };
  const { name } = document.properties;
  const pattern = new RegExp(name.pattern, 'u');
  for (const candidate of ['\u00a0', '\ufeff', '\u001c', '\u0085', ' x ', 'Mug', '\u00a0\u00e9']) {
    const allowed = pattern.test(candidate);
    assert.equal(
      productInputSchema.safeParse({ ...base, name: candidate }).success,
      allowed,
      JSON.stringify(candidate),
    );
  }
});

test('when a name is longer than the document allows, then it is refused even if trimming would shorten it', () => {
  const name = ` ${'m'.repeat(119)} `;
  assert.equal(productInputSchema.safeParse({ ...base, name }).success, false);
  assert.equal(productInputSchema.safeParse({ ...base, name: 'm'.repeat(120) }).success, true);
});
