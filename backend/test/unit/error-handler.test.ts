import express from 'express';
import mongoose from 'mongoose';
import request from 'supertest';
import { z } from 'zod';
import { GatewayError, HttpError } from '../../src/errors';
import { createLogger } from '../../src/logger';
import { errorHandler, mapError } from '../../src/middleware/error-handler';

function bodyParserError(type: string, status: number): Error {
  return Object.assign(new Error(type), { type, status, expose: true });
}

function driverError<T extends Error>(ctor: new (...args: never[]) => T, ...args: unknown[]): T {
  return new (ctor as unknown as new (...a: unknown[]) => T)(...args);
}

describe('mapError', () => {
  test('when an HttpError is thrown, then its status, code and message are used', () => {
    expect(mapError(new HttpError(418, 'TEAPOT', 'short and stout'))).toEqual({
      status: 418,
      body: { error: { code: 'TEAPOT', message: 'short and stout' } },
    });
  });

  test('when an HttpError has details, then they are included', () => {
    const mapped = mapError(HttpError.badRequest('bad', 'VALIDATION_ERROR', [{ path: 'x' }]));
    expect(mapped.body.error.details).toEqual([{ path: 'x' }]);
  });

  test('when a ZodError escapes a service, then it is a 400 VALIDATION_ERROR naming the field', () => {
    const result = z.object({ amount: z.number() }).safeParse({ amount: 'ten' });
    const mapped = mapError(result.error);
    expect(mapped.status).toBe(400);
    expect(mapped.body.error.code).toBe('VALIDATION_ERROR');
    expect(mapped.body.error.message).toContain('amount');
  });

  test.each([
    ['network', /could not be reached/],
    ['timeout', /did not answer in time/],
    ['rejected', /failed the request/],
    ['invalid_response', /could not read/],
  ] as const)('when the gateway fails with %s, then it is a 502 GATEWAY_ERROR', (kind, message) => {
    const mapped = mapError(new GatewayError('razorpay', kind, 'boom'));
    expect(mapped.status).toBe(502);
    expect(mapped.body.error.code).toBe('GATEWAY_ERROR');
    expect(mapped.body.error.message).toMatch(message);
  });

  test.each([
    [400, 422],
    [404, 422],
    [409, 409],
    [422, 422],
  ])(
    'when the gateway refuses with %i, then it is a %i GATEWAY_REFUSED with its reason',
    (gatewayStatus, status) => {
      const err = new GatewayError('razorpay', 'rejected', 'HTTP', {
        status: gatewayStatus,
        description: 'The refund amount is greater than the refundable amount',
      });
      expect(mapError(err)).toEqual({
        status,
        body: {
          error: {
            code: 'GATEWAY_REFUSED',
            message:
              'The razorpay gateway refused the request: The refund amount is greater than the refundable amount',
          },
        },
      });
    },
  );

  test.each([401, 403, 429, 500, 503])(
    'when the gateway answers %i, then it is still a 502 (our keys, its limits, its outage)',
    (gatewayStatus) => {
      const err = new GatewayError('razorpay', 'rejected', 'nope', { status: gatewayStatus });
      expect(mapError(err).status).toBe(502);
    },
  );

  test('when the body stream is aborted by the client, then it is a 400, not a 500', () => {
    expect(mapError(bodyParserError('request.aborted', 400))).toMatchObject({
      status: 400,
      body: { error: { code: 'REQUEST_ABORTED' } },
    });
  });

  test('when a compressed body cannot be inflated, then it keeps its 400', () => {
    const err = Object.assign(new Error('incorrect header check'), { status: 400 });
    expect(mapError(err)).toMatchObject({ status: 400, body: { error: { code: 'BAD_REQUEST' } } });
  });

  test('when a path parameter is not valid percent-encoding, then it is a 400', () => {
    const err = Object.assign(new URIError("Failed to decode param '%E0%A4%A'"), { status: 400 });
    expect(mapError(err)).toEqual({
      status: 400,
      body: { error: { code: 'BAD_REQUEST', message: 'The URL is not valid percent-encoding' } },
    });
  });

  test('when an error carries a 5xx status, then it is still our 500', () => {
    const err = Object.assign(new Error('stream.encoding.set'), { status: 500 });
    expect(mapError(err).status).toBe(500);
  });

  test('when body-parser cannot parse JSON, then it is a 400 INVALID_JSON', () => {
    expect(mapError(bodyParserError('entity.parse.failed', 400))).toMatchObject({
      status: 400,
      body: { error: { code: 'INVALID_JSON' } },
    });
  });

  test('when the body is too large, then it is a 413 PAYLOAD_TOO_LARGE', () => {
    expect(mapError(bodyParserError('entity.too.large', 413))).toMatchObject({
      status: 413,
      body: { error: { code: 'PAYLOAD_TOO_LARGE' } },
    });
  });

  test('when the body encoding is unsupported, then it is a 415', () => {
    expect(mapError(bodyParserError('encoding.unsupported', 415)).status).toBe(415);
  });

  test('when mongoose validation fails, then it is a 400', () => {
    const err = new mongoose.Error.ValidationError();
    expect(mapError(err)).toMatchObject({
      status: 400,
      body: { error: { code: 'VALIDATION_ERROR' } },
    });
  });

  test('when mongoose cannot cast an id, then it is a 400', () => {
    const err = new mongoose.Error.CastError('ObjectId', 'nope', '_id');
    expect(mapError(err)).toMatchObject({
      status: 400,
      body: { error: { code: 'VALIDATION_ERROR' } },
    });
  });

  test('when a unique index rejects a duplicate, then it is a 409 CONFLICT', () => {
    const err = driverError(mongoose.mongo.MongoServerError, {
      message: 'E11000 duplicate key',
      code: 11000,
    });
    expect(mapError(err)).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' } } });
  });

  test.each([
    ['a network error', () => driverError(mongoose.mongo.MongoNetworkError, 'connection refused')],
    ['a closed client', () => driverError(mongoose.mongo.MongoNotConnectedError, 'not connected')],
    [
      'mongoose server selection',
      () => new mongoose.Error.MongooseServerSelectionError('no server'),
    ],
  ])('when the database is unreachable (%s), then it is a 503 DATABASE_UNAVAILABLE', (_l, make) => {
    expect(mapError(make())).toMatchObject({
      status: 503,
      body: { error: { code: 'DATABASE_UNAVAILABLE' } },
    });
  });

  test('when anything else is thrown, then it is a 500 that reveals nothing', () => {
    const mapped = mapError(new Error('secret stack detail: key_secret=abc'));
    expect(mapped).toEqual({
      status: 500,
      body: { error: { code: 'INTERNAL_ERROR', message: 'Something went wrong on our side' } },
    });
  });

  test('when a non-Error value is thrown, then it is still a 500', () => {
    expect(mapError('a string').status).toBe(500);
  });
});

describe('errorHandler', () => {
  test('when a route throws, then the response is the JSON error shape without a stack', async () => {
    const app = express();
    app.get('/boom', () => {
      throw new Error('internal detail');
    });
    app.use(errorHandler(createLogger('silent')));
    const res = await request(app).get('/boom').expect(500);
    expect(res.body).toEqual({
      error: { code: 'INTERNAL_ERROR', message: 'Something went wrong on our side' },
    });
    expect(res.text).not.toContain('internal detail');
  });
});
