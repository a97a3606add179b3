// docker-compose.yml cannot be run here (no Docker on these machines), so its shape is checked:
// it parses as YAML, MongoDB is a single-node replica set that initiates itself, Mailpit takes
// SMTP on the port the README's command uses, and the README's command matches the file.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';

const root = new URL('../../', import.meta.url);
const compose = parse(readFileSync(new URL('docker-compose.yml', root), 'utf8'));
const readme = readFileSync(new URL('README.md', root), 'utf8');

test('when the compose file is parsed, then MongoDB runs as replica set rs0 and initiates it', () => {
  const mongo = compose.services.mongo;
  assert.match(mongo.image, /^mongo:\d/);
  assert.deepEqual(mongo.command.slice(0, 2), ['--replSet', 'rs0']);
  assert.ok(mongo.ports.includes('27017:27017'));
  const check = mongo.healthcheck.test.join(' ');
  assert.match(check, /rs\.initiate\(\{ _id: 'rs0'/);
  assert.match(check, /host: 'localhost:27017'/);
  assert.ok(compose.volumes && 'mongo-data' in compose.volumes);
});

test('when the compose file is parsed, then Mailpit takes SMTP on 1025 and shows mail on 8025', () => {
  const mailpit = compose.services.mailpit;
  assert.match(mailpit.image, /^axllent\/mailpit:/);
  const published = mailpit.ports.map((p) => String(p).split(' ')[0]);
  assert.ok(published.includes('1025:1025'));
  assert.ok(published.includes('8025:8025'));
});

test('when the README says how to use it, then its URIs point at what the file publishes', () => {
  assert.match(readme, /docker compose up -d/);
  const uri = /MONGODB_URI='?(mongodb:\/\/[^'\s]+)/.exec(readme)?.[1];
  assert.ok(uri, 'README names a MONGODB_URI');
  const parsed = new URL(uri);
  assert.equal(parsed.port, '27017');
  assert.equal(parsed.searchParams.get('replicaSet'), 'rs0');
  assert.match(readme, /SMTP_URL=smtp:\/\/localhost:1025/);
});
