// A request collection (`.http`: VS Code's REST Client and JetBrains' HTTP Client) generated
// from the OpenAPI document, so it lists exactly the routes the API serves, with example bodies
// shaped by the same schemas. `npm run docs:build` writes requests/api.http; a test fails when
// that file is stale.

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  $ref?: string;
}

interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  security?: unknown[];
  parameters?: { name: string; in: 'path' | 'query' | 'header'; required?: boolean }[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
}

export interface OpenApiLike {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
}

/** Values a learner can send as they are (or after pasting one id). Keyed "parent.field", then "field". */
const EXAMPLES: Record<string, unknown> = {
  'customer.name': 'Asha Rao',
  '.slug': 'demo-notebook',
  name: 'Demo Notebook',
  slug: 'canvas-tote-bag',
  quantity: 2,
  email: 'asha@example.com',
  contact: '+919876543210',
  gateway: 'razorpay',
  order: '{{orderId}}',
  price: 49900,
  currency: 'INR',
  stock: 10,
  amount: 10000,
  reason: 'The customer asked',
  eventId: '{{eventId}}',
  olderThanSeconds: 0,
  razorpay_order_id: 'order_FromTheModalHandler',
  razorpay_payment_id: 'pay_FromTheModalHandler',
  razorpay_signature: 'paste the 64 hex digits the modal handler gave',
  transaction_id: 'TXN_FromTheRedirect',
  payment_intent: 'pi_FromTheRedirect',
};

/** Path parameters become the file's variables. */
const PATH_VARIABLES: Record<string, string> = { id: 'orderId', slug: 'slug' };

function resolve(schema: JsonSchema, all: Record<string, JsonSchema>): JsonSchema {
  const name = schema.$ref?.replace('#/components/schemas/', '');
  return name ? resolve(all[name] ?? {}, all) : schema;
}

/** One example value for a schema: required fields only, the first of a union. */
function sample(raw: JsonSchema, all: Record<string, JsonSchema>, key = '', parent = ''): unknown {
  const schema = resolve(raw, all);
  const known = EXAMPLES[`${parent}.${key}`] ?? EXAMPLES[key];
  if (known !== undefined) return known;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const union = schema.anyOf ?? schema.oneOf;
  if (union?.[0]) return sample(union[0], all, key, parent);
  if (schema.allOf) {
    return Object.assign(
      {},
      ...schema.allOf.map((part) => sample(part, all, key, parent) as object),
    ) as unknown;
  }
  if (schema.type === 'object' || schema.properties) {
    const properties = schema.properties ?? {};
    const names = schema.required?.length ? schema.required : Object.keys(properties).slice(0, 1); // a patch needs at least one field
    return Object.fromEntries(
      names.map((name) => [name, sample(properties[name] ?? {}, all, name, key)]),
    );
  }
  if (schema.type === 'array') return [sample(schema.items ?? {}, all, key, parent)];
  if (schema.type === 'integer' || schema.type === 'number') return schema.minimum ?? 1;
  if (schema.type === 'boolean') return schema.default ?? true;
  return schema.default ?? '…';
}

const HEADER = `# Checkout Lab API: every route, one request each. GENERATED from /api/openapi.json by
# \`npm run docs:build\` (backend/src/openapi/http-collection.ts): do not edit by hand.
#
# Open in VS Code with the REST Client extension, or in a JetBrains IDE, and press "Send
# Request" above any request. Set the variables first: the admin token is what
# \`npm run admin-token\` prints; an order id is in the answer to postOrders below (REST Client
# can also read it for you: @orderId = {{postOrders.response.body.$.order.id}}).
# The sandbox's own control API is in sandbox.http.

@baseUrl = http://localhost:4000
@adminToken = paste-what-npm-run-admin-token-prints
@orderId = ord_paste-an-order-id
@slug = canvas-tote-bag
@eventId = evt_paste-an-event-id
`;

const SIGNED_NOTE = `# The gateway signs this on the raw body: sent as it is, it is answered 400, as a forgery
# must be. For a signed one: npm run webhooks:check, or npm run sandbox -- trigger payment.captured`;
const HINT_NOTE = `# Signed by nobody: the shop takes it only as a reason to ask the gateway about the
# transaction it names, so a made-up one changes nothing.`;

/** What each gateway's webhook body looks like at its simplest (its real payloads are larger). */
const WEBHOOK_BODIES: Record<string, unknown> = {
  razorpay: { event: 'payment.captured', payload: {} },
  stripe: { id: 'evt_…', object: 'event', type: 'payment_intent.succeeded' },
};
const HINT_BODY = { transactionId: 'TXN_…', status: 'COMPLETED' };

function request(method: string, path: string, op: Operation, all: Record<string, JsonSchema>) {
  const url = path.replace(
    /\{(\w+)\}/g,
    (_, name: string) => `{{${PATH_VARIABLES[name] ?? name}}}`,
  );
  const lines = [`### ${op.summary}`, `# @name ${op.operationId}`];
  const query = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  if (query.length > 0) lines.push(`# Query (optional): ${query.join(', ')}`);
  const headers = (op.parameters ?? []).filter((p) => p.in === 'header');
  const webhook = /^\/api\/webhooks\/(\w+)$/.exec(path)?.[1];
  if (webhook) lines.push(headers.length > 0 ? SIGNED_NOTE : HINT_NOTE);
  lines.push(`${method.toUpperCase()} {{baseUrl}}${url}`);
  if (op.security?.length) lines.push('Authorization: Bearer {{adminToken}}');
  for (const header of headers) lines.push(`${header.name}: paste-from-the-gateway`);
  const json = op.requestBody?.content['application/json'];
  if (json) {
    const body = webhook ? (WEBHOOK_BODIES[webhook] ?? HINT_BODY) : sample(json.schema, all);
    lines.push('Content-Type: application/json', '', JSON.stringify(body, null, 2));
  }
  return lines.join('\n');
}

export function buildHttpCollection(document: OpenApiLike): string {
  const requests: string[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      requests.push(request(method, path, op, document.components.schemas));
    }
  }
  return `${HEADER}\n${requests.join('\n\n')}\n`;
}
