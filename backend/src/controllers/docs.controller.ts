import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Request, Response } from 'express';
import { buildOpenApiDocument } from '../openapi/openapi.document';
import type { ServiceContext } from '../services/context';

const VERSION = (
  JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

// A plain page around Swagger UI's own files (served from node_modules/swagger-ui-dist under
// /api/docs/assets): no CDN, and no inline script, so the API's CSP needs no exception.
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API · Checkout Lab</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>`;

const INIT = `window.ui = SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  tryItOutEnabled: false,
});`;

export function docsController(ctx: ServiceContext) {
  // Built once: the document depends only on the code, the store name and the gateways.
  const document = buildOpenApiDocument({
    version: VERSION,
    storeName: ctx.config.storeName,
    gateways: ctx.gateways.list(),
  });
  return {
    openapi(_req: Request, res: Response) {
      res.json(document);
    },
    page(_req: Request, res: Response) {
      res.type('html').send(PAGE);
    },
    init(_req: Request, res: Response) {
      res.type('application/javascript').send(INIT);
    },
  };
}
