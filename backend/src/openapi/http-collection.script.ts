// Writes requests/api.http from the OpenAPI document the API serves with its default (sandbox)
// configuration: every gateway enabled. Run by `npm run docs:build`.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseConfig } from '../config';
import { gatewaysFromConfig } from '../gateways/registry';
import { createLogger } from '../logger';
import { buildHttpCollection, type OpenApiLike } from './http-collection';
import { buildOpenApiDocument } from './openapi.document';

export const HTTP_COLLECTION = path.resolve(__dirname, '..', '..', '..', 'requests', 'api.http');

/** The collection as the default configuration's document describes it. */
export function defaultHttpCollection(): string {
  const config = parseConfig({});
  const document = buildOpenApiDocument({
    version: '0',
    storeName: config.storeName,
    gateways: gatewaysFromConfig(config, createLogger('silent')).list(),
  });
  return buildHttpCollection(document as unknown as OpenApiLike);
}

if (require.main === module) {
  writeFileSync(HTTP_COLLECTION, defaultHttpCollection());
  console.log(`wrote ${path.relative(process.cwd(), HTTP_COLLECTION)}`);
}
