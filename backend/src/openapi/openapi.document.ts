// The OpenAPI 3.1 document, generated from the route list (operations.ts) and the very zod
// schemas the routes validate with and the DTO schemas they answer with: nothing in it is
// written by hand, so it cannot drift from what the API does. JSON Schema 2020-12 is what
// OpenAPI 3.1 uses, and what zod's own z.toJSONSchema emits.
import {
  adminOrderSummarySchema,
  adminPaymentDtoSchema,
  checkoutResponseSchema,
  errorBodySchema,
  gatewayInfoSchema,
  orderDtoSchema,
  outboxEmailDtoSchema,
  paymentDtoSchema,
  productDtoSchema,
  publicConfigSchema,
  reconcileSummarySchema,
  timelineItemDtoSchema,
  webhookEventDtoSchema,
} from '@checkout-lab/contracts/dto';
import { z } from 'zod';
import type { PaymentGateway } from '../gateways/gateway';
import { paymentReturnBody } from '../schemas/order.schema';
import { OPERATIONS, type Operation } from './operations';

/** Named once in components/schemas, referenced everywhere else. */
const NAMED_OUTPUTS: Record<string, z.ZodType> = {
  Order: orderDtoSchema,
  Payment: paymentDtoSchema,
  TimelineItem: timelineItemDtoSchema,
  Product: productDtoSchema,
  PublicConfig: publicConfigSchema,
  GatewayInfo: gatewayInfoSchema,
  CheckoutResponse: checkoutResponseSchema,
  AdminOrderSummary: adminOrderSummarySchema,
  AdminPayment: adminPaymentDtoSchema,
  WebhookEvent: webhookEventDtoSchema,
  OutboxEmail: outboxEmailDtoSchema,
  ReconcileSummary: reconcileSummarySchema,
  Error: errorBodySchema,
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

/** 'post /api/orders/:id/checkout' → 'postOrdersIdCheckout' */
function operationId(op: Operation): string {
  const words = op.path
    .replace(/^\/api\//, '')
    .split(/[/.:-]+/)
    .filter(Boolean);
  return op.method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

/** `{ order: … }` → OrderResponse; anything else is named after its operation. */
function responseName(schema: z.ZodType, id: string): string {
  const keys = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  return keys.length === 1
    ? `${keys[0]![0]!.toUpperCase()}${keys[0]!.slice(1)}Response`
    : `${id}Response`;
}

function parameters(schema: z.ZodObject | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, object>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

/** Turns a set of named schemas into components, with nested named schemas as $refs. */
function components(named: Record<string, z.ZodType>, io: 'input' | 'output') {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    io,
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  });
  for (const schema of Object.values(schemas)) {
    delete (schema as Record<string, unknown>).$schema;
    delete (schema as Record<string, unknown>).$id;
  }
  return schemas;
}

/**
 * The API's operations as this app serves them: a `:gateway` route once per enabled gateway,
 * each with that gateway's own return parameters, so the document says exactly what each
 * gateway's return route accepts.
 */
export function expandOperations(gateways: readonly PaymentGateway[]): Operation[] {
  const returnBody = (g: PaymentGateway) => paymentReturnBody.and(g.returnSchema);
  return OPERATIONS.flatMap((op) => {
    if (op.gateway) {
      const g = gateways.find((x) => x.name === op.gateway);
      return [g && op.gatewayBody ? { ...op, body: returnBody(g) } : op];
    }
    if (!op.path.includes(':gateway')) return [op];
    return gateways.map((g) => ({
      ...op,
      path: op.path.replace(':gateway', g.name),
      summary: `${op.summary} (${g.label})`,
      params: undefined,
      ...(op.gatewayBody ? { body: returnBody(g) } : {}),
      ...(op.rawBody ? { headers: g.webhookHeaders } : {}),
    }));
  });
}

export function buildOpenApiDocument(opts: {
  version: string;
  storeName: string;
  gateways: readonly PaymentGateway[];
}) {
  // Every body and response gets a name, so the whole document is built in two passes (what
  // clients send, what the API answers) and every DTO appears once.
  const inputs: Record<string, z.ZodType> = {};
  const outputs: Record<string, z.ZodType> = { ...NAMED_OUTPUTS };
  const named = new Map<z.ZodType, string>(Object.entries(NAMED_OUTPUTS).map(([k, v]) => [v, k]));
  const nameOf = (schema: z.ZodType, fallback: string) => {
    const known = named.get(schema);
    if (known) return known;
    named.set(schema, fallback);
    outputs[fallback] = schema;
    return fallback;
  };

  const paths: Record<string, Record<string, object>> = {};
  for (const op of expandOperations(opts.gateways)) {
    const id = operationId(op);
    const responses: Record<string, object> = {};
    for (const [status, schema] of Object.entries(op.responses)) {
      const links = Number(status) < 300 && op.links ? { links: op.links } : {};
      responses[status] = op.contentType
        ? { description: 'Success', content: { [op.contentType]: {} } }
        : schema
          ? {
              description: 'Success',
              content: {
                'application/json': { schema: ref(nameOf(schema, responseName(schema, id))) },
              },
              ...links,
            }
          : { description: 'Success, no body' };
    }
    responses.default = {
      description: 'An error: `{ "error": { "code", "message" } }` with a 4xx or 5xx status',
      content: { 'application/json': { schema: ref('Error') } },
    };
    let requestBody: object | undefined;
    if (op.body) {
      inputs[`${id}Body`] = op.body;
      requestBody = {
        // Bodies with defaults (reconcile) may be left out entirely.
        required: !op.body.safeParse(undefined).success,
        content: { 'application/json': { schema: ref(`${id}Body`) } },
      };
    } else if (op.rawBody) {
      requestBody = {
        required: true,
        description: 'The gateway’s payload, byte for byte: it is verified on the raw bytes',
        content: { 'application/json': { schema: {} } },
      };
    }
    paths[openApiPath(op.path)] ??= {};
    paths[openApiPath(op.path)]![op.method] = {
      operationId: id,
      tags: [op.tag],
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      ...(op.admin ? { security: [{ adminToken: [] }] } : {}),
      parameters: [
        ...parameters(op.params, 'path'),
        ...parameters(op.query, 'query'),
        ...(op.headers ?? []).map((name) => ({
          name,
          in: 'header',
          required: true,
          schema: { type: 'string' },
        })),
      ],
      ...(requestBody ? { requestBody } : {}),
      responses,
    };
  }

  return {
    openapi: '3.1.0',
    info: {
      title: `${opts.storeName} API`,
      version: opts.version,
      description:
        'The shop’s HTTP API. Money is integer minor units (paise, poisha, cents) with an ISO currency. Generated from the zod schemas the routes validate with.',
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'storefront', description: 'Products and orders, as the shop’s pages use them' },
      { name: 'payments', description: 'Starting a checkout and confirming what came back' },
      { name: 'webhooks', description: 'What gateways send us' },
      { name: 'admin', description: 'Needs `Authorization: Bearer <ADMIN_TOKEN>`' },
      { name: 'meta', description: 'Health and this document' },
    ],
    paths,
    components: {
      securitySchemes: { adminToken: { type: 'http', scheme: 'bearer' } },
      schemas: { ...components(outputs, 'output'), ...components(inputs, 'input') },
    },
  };
}
