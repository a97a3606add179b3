// Every route of the API, with the zod schemas its route validates with and the DTO schemas it
// answers with. The OpenAPI document is generated from this list (openapi.document.ts); a test
// walks the Express app and fails when a route is missing here, or listed here but not served.
import {
  adminOrderSummarySchema,
  adminPaymentDtoSchema,
  checkoutResponseSchema,
  orderDtoSchema,
  outboxEmailDtoSchema,
  pageSchema,
  productDtoSchema,
  publicConfigSchema,
  reconcileSummarySchema,
  webhookEventDtoSchema,
  webhookRejectionsDtoSchema,
  webhookResendDtoSchema,
} from '@checkout-lab/contracts/dto';
import {
  checkoutBody,
  createOrderBody,
  productInputSchema,
  productPatchSchema,
  reconcileBody,
  refundBody,
  webhookResendBody,
} from '@checkout-lab/contracts/schemas';
import { z } from 'zod';
import { orderListQuery, paymentListQuery, webhookEventListQuery } from '../schemas/admin.schema';
import { gatewayParams, orderIdParams, paymentReturnBody } from '../schemas/order.schema';
import { productListQuery, productSlugParams } from '../schemas/product.schema';
import { SERVICE_NAME } from '../services/health.service';

export interface Operation {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** Express syntax: /api/orders/:id */
  path: string;
  tag: 'storefront' | 'payments' | 'webhooks' | 'admin' | 'meta';
  summary: string;
  description?: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The raw body a webhook route reads (verified on its exact bytes, never parsed first). */
  rawBody?: true;
  /** Request headers the route requires (a webhook's signature headers). */
  headers?: readonly string[];
  admin?: true;
  /**
   * A `:gateway` route is documented once per enabled gateway; 'return' bodies are that
   * gateway's own return parameters (PaymentGateway.returnSchema) plus the shop `order`.
   */
  gatewayBody?: 'return';
  /** For a fixed-gateway alias: which gateway's return it takes. */
  gateway?: string;
  /** OpenAPI links: what a client (or a stateful fuzzer) can call next with this answer. */
  links?: Record<string, { operationId: string; parameters: Record<string, string> }>;
  /** Success status → response schema (undefined: no body). */
  responses: Record<number, z.ZodType | undefined>;
  /** Served as something other than JSON (the docs page and its script). */
  contentType?: 'text/html' | 'application/javascript';
}

function linksTo(operationIds: string[], parameters: Record<string, string>) {
  return Object.fromEntries(
    operationIds.map((operationId) => [operationId, { operationId, parameters }]),
  );
}

const order = z.object({ order: orderDtoSchema });
const product = z.object({ product: productDtoSchema });
const products = z.object({ products: z.array(productDtoSchema) });

export const healthSchema = z.looseObject({
  service: z.literal(SERVICE_NAME),
  instance: z.string(),
  status: z.enum(['ok', 'degraded']),
  database: z.looseObject({ state: z.enum(['up', 'down']) }),
  uptimeSeconds: z.number().int(),
});

export const OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/api/health',
    tag: 'meta',
    summary: 'Is the API up, and can it reach its database? (503 when it cannot)',
    responses: { 200: healthSchema, 503: healthSchema },
  },
  {
    method: 'get',
    path: '/api/config',
    tag: 'storefront',
    summary: 'What the browser may know: store name, mode, and each gateway’s public info',
    responses: { 200: publicConfigSchema },
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    tag: 'meta',
    summary: 'This document',
    responses: { 200: z.looseObject({ openapi: z.string() }) },
  },
  {
    method: 'get',
    path: '/api/docs',
    tag: 'meta',
    summary: 'A browsable page for this document',
    contentType: 'text/html',
    responses: { 200: undefined },
  },
  {
    method: 'get',
    path: '/api/docs/init.js',
    tag: 'meta',
    summary: 'The docs page’s script (it points Swagger UI at /api/openapi.json)',
    contentType: 'application/javascript',
    responses: { 200: undefined },
  },
  {
    method: 'get',
    path: '/api/products',
    tag: 'storefront',
    summary: 'The active products, oldest first',
    query: productListQuery,
    responses: { 200: products },
  },
  {
    method: 'get',
    path: '/api/products/:slug',
    tag: 'storefront',
    summary: 'One active product',
    params: productSlugParams,
    responses: { 200: product },
  },
  {
    method: 'post',
    path: '/api/products',
    tag: 'admin',
    admin: true,
    summary: 'Create a product (prices in minor units)',
    body: productInputSchema,
    // Not GET /api/products/{slug}: a product created inactive is not in the shop, by design.
    links: linksTo(['getAdminProductsSlug', 'patchProductsSlug', 'deleteProductsSlug'], {
      slug: '$response.body#/product/slug',
    }),
    responses: { 201: product },
  },
  {
    method: 'patch',
    path: '/api/products/:slug',
    tag: 'admin',
    admin: true,
    summary: 'Change some fields of a product',
    params: productSlugParams,
    body: productPatchSchema,
    responses: { 200: product },
  },
  {
    method: 'delete',
    path: '/api/products/:slug',
    tag: 'admin',
    admin: true,
    summary: 'Archive a product (orders keep their snapshot)',
    params: productSlugParams,
    responses: { 204: undefined },
  },
  {
    method: 'post',
    path: '/api/orders',
    tag: 'storefront',
    summary: 'Create an order from a cart; the server prices it',
    body: createOrderBody,
    links: linksTo(
      [
        'getOrdersId',
        'postOrdersIdCheckout',
        'getAdminOrdersId',
        'postAdminOrdersIdRefund',
        'postAdminOrdersIdFulfil',
        'postAdminOrdersIdCancel',
      ],
      { id: '$response.body#/order/id' },
    ),
    responses: { 201: order },
  },
  {
    method: 'get',
    path: '/api/orders/:id',
    tag: 'storefront',
    summary: 'An order with its payments and merged timeline (what the success page polls)',
    params: orderIdParams,
    responses: { 200: order },
  },
  {
    method: 'post',
    path: '/api/orders/:id/checkout',
    tag: 'payments',
    summary: 'Start a checkout attempt with a gateway for exactly the order total',
    params: orderIdParams,
    body: checkoutBody,
    responses: { 201: checkoutResponseSchema },
  },
  {
    method: 'post',
    path: '/api/payments/:gateway/return',
    tag: 'payments',
    summary: 'What the browser brought back from a gateway; the server asks the gateway',
    description:
      'Flat string parameters as the gateway returned them (a modal handler payload, a redirect query string), plus `order`, the shop order the page is about.',
    params: gatewayParams,
    body: paymentReturnBody,
    gatewayBody: 'return',
    responses: { 200: order },
  },
  {
    method: 'post',
    path: '/api/payments/razorpay/verify',
    tag: 'payments',
    summary: 'Razorpay’s return under the name its tutorials use (the same handler)',
    body: paymentReturnBody,
    gatewayBody: 'return',
    gateway: 'razorpay',
    responses: { 200: order },
  },
  {
    method: 'post',
    path: '/api/webhooks/:gateway',
    tag: 'webhooks',
    summary: 'A gateway’s webhook, verified on its raw body and stored once by event id',
    params: gatewayParams,
    rawBody: true,
    responses: { 200: z.object({ status: z.enum(['received', 'duplicate']) }) },
  },
  {
    method: 'get',
    path: '/api/admin/products',
    tag: 'admin',
    admin: true,
    summary: 'Every product, archived ones included',
    query: productListQuery,
    responses: { 200: products },
  },
  {
    method: 'get',
    path: '/api/admin/products/:slug',
    tag: 'admin',
    admin: true,
    summary: 'One product, archived or not',
    params: productSlugParams,
    responses: { 200: product },
  },
  {
    method: 'get',
    path: '/api/admin/orders',
    tag: 'admin',
    admin: true,
    summary: 'Orders, newest first',
    query: orderListQuery,
    responses: { 200: pageSchema(adminOrderSummarySchema) },
  },
  {
    method: 'get',
    path: '/api/admin/orders/:id',
    tag: 'admin',
    admin: true,
    summary: 'One order, as the buyer sees it',
    params: orderIdParams,
    responses: { 200: order },
  },
  {
    method: 'post',
    path: '/api/admin/orders/:id/refund',
    tag: 'admin',
    admin: true,
    summary: 'Refund all or part of the payment that paid an order',
    params: orderIdParams,
    body: refundBody,
    responses: { 200: order },
  },
  {
    method: 'post',
    path: '/api/admin/orders/:id/fulfil',
    tag: 'admin',
    admin: true,
    summary: 'Mark a paid order as shipped',
    params: orderIdParams,
    responses: { 200: order },
  },
  {
    method: 'post',
    path: '/api/admin/orders/:id/cancel',
    tag: 'admin',
    admin: true,
    summary: 'Cancel a pending order',
    params: orderIdParams,
    responses: { 200: order },
  },
  {
    method: 'get',
    path: '/api/admin/payments',
    tag: 'admin',
    admin: true,
    summary: 'Payment attempts, newest first',
    query: paymentListQuery,
    responses: { 200: pageSchema(adminPaymentDtoSchema) },
  },
  {
    method: 'get',
    path: '/api/admin/webhook-events',
    tag: 'admin',
    admin: true,
    summary: 'The webhook inbox',
    query: webhookEventListQuery,
    responses: { 200: pageSchema(webhookEventDtoSchema) },
  },
  {
    method: 'get',
    path: '/api/admin/webhook-rejections',
    tag: 'admin',
    admin: true,
    summary: 'Deliveries refused for their signature: a count per gateway and the last samples',
    responses: { 200: z.object({ rejections: z.array(webhookRejectionsDtoSchema) }) },
  },
  {
    method: 'post',
    path: '/api/admin/webhook-events/resend',
    tag: 'admin',
    admin: true,
    summary: 'Deliver a webhook event again (sandbox mode)',
    description:
      'Asks the sandbox to deliver the event again, byte for byte: a stored event (the shop answers it duplicate, and counts the redelivery) or a refused delivery by the id it claimed. With a real gateway the answer is 409 RESEND_UNAVAILABLE, saying where its dashboard resends.',
    body: webhookResendBody,
    responses: { 202: webhookResendDtoSchema },
  },
  {
    method: 'post',
    path: '/api/admin/reconcile',
    tag: 'admin',
    admin: true,
    summary: 'Ask the gateways about open payments now',
    body: reconcileBody,
    responses: { 200: z.object({ summary: reconcileSummarySchema }) },
  },
  {
    method: 'get',
    path: '/api/admin/emails',
    tag: 'admin',
    admin: true,
    summary: 'The outbox: every email the shop sent',
    responses: { 200: z.object({ emails: z.array(outboxEmailDtoSchema) }) },
  },
];
