/*
 * Checkout Lab sandbox: a drop-in for Stripe.js (https://js.stripe.com/v3/) with the surface a
 * Payment Element integration uses: `Stripe(pk)`, `stripe.elements({ clientSecret })`,
 * `elements.create('payment')`, `element.mount(…)`, `stripe.confirmPayment(…)` and
 * `stripe.retrievePaymentIntent(…)`. As with the real script, the card form is an iframe served by
 * the gateway's origin (here: the sandbox), which confirms the intent itself, so card data never
 * touches the merchant page or the merchant's server. The two sides talk by origin-checked
 * postMessage.
 */
/* global PaymentElement -- payment-element.js, served in the same file (see stripe.router.ts) */
(function () {
  'use strict';

  if (window.Stripe && window.Stripe.sandbox) return;

  var script =
    document.currentScript ||
    Array.prototype.filter.call(document.getElementsByTagName('script'), function (s) {
      return /\/stripe(\/v3\/?|\/stripe\.js|\/[a-z]+\/stripe\.js)(\?|#|$)/.test(s.src);
    })[0];
  var SANDBOX_ORIGIN = new URL(script ? script.src : '/stripe/v3/', window.location.href).origin;
  var ELEMENT_URL = SANDBOX_ORIGIN + '/stripe/_sandbox/element';
  var API = SANDBOX_ORIGIN + '/v1';
  var PREFIX = 'stripe-sandbox:';

  function integrationError(message) {
    var error = new Error(message);
    error.name = 'IntegrationError';
    return error;
  }

  function intentIdOf(clientSecret) {
    var match = /^(pi_[0-9A-Za-z]+)_secret_[0-9A-Za-z]+$/.exec(String(clientSecret || ''));
    if (!match) throw integrationError('Invalid value for clientSecret: ' + clientSecret);
    return match[1];
  }

  function Stripe(publishableKey) {
    if (!(this instanceof Stripe)) return new Stripe(publishableKey);
    if (typeof publishableKey !== 'string' || !/^pk_(test|live)_/.test(publishableKey)) {
      throw integrationError('Invalid API Key provided: ' + publishableKey);
    }
    this._key = publishableKey;
  }

  // What @stripe/stripe-js checks before adopting a Stripe.js already on the page.
  Stripe.version = 'endive';
  Stripe.sandbox = true;
  Stripe.prototype._registerWrapper = function () {};
  Stripe.prototype.registerAppInfo = function () {};

  Stripe.prototype.elements = function (options) {
    return new Elements(this, options || {});
  };

  Stripe.prototype.retrievePaymentIntent = function (clientSecret) {
    var url =
      API +
      '/payment_intents/' +
      intentIdOf(clientSecret) +
      '?client_secret=' +
      encodeURIComponent(clientSecret);
    return fetch(url, { headers: { Authorization: 'Bearer ' + this._key } }).then(
      function (res) {
        return res.json().then(function (body) {
          return res.ok ? { paymentIntent: body } : { error: body.error };
        });
      },
      function () {
        return { error: { type: 'api_connection_error', message: 'Could not reach the sandbox.' } };
      },
    );
  };

  /**
   * Confirms through the mounted Payment Element. A success redirects to `return_url` with
   * `payment_intent`, `payment_intent_client_secret` and `redirect_status` (or, with
   * `redirect: 'if_required'`, resolves `{ paymentIntent }`); a 3-D Secure card goes to the
   * challenge page and back; a decline resolves `{ error }` and the buyer may try again.
   */
  Stripe.prototype.confirmPayment = function (options) {
    options = options || {};
    var elements = options.elements;
    var params = options.confirmParams || {};
    var redirect = options.redirect === 'if_required' ? 'if_required' : 'always';
    if (!(elements instanceof Elements)) {
      return Promise.reject(
        integrationError('stripe.confirmPayment(): the `elements` argument is required.'),
      );
    }
    if (!params.return_url && redirect === 'always') {
      return Promise.reject(
        integrationError(
          "stripe.confirmPayment(): the `confirmParams.return_url` argument is required unless passing `redirect: 'if_required'`",
        ),
      );
    }
    var element = elements.getElement('payment');
    if (!element || !element._frame) {
      return Promise.reject(
        integrationError('stripe.confirmPayment(): mount the Payment Element first.'),
      );
    }
    return element
      ._request('confirm', { returnUrl: params.return_url || null })
      .then(function (result) {
        var body = result.body || {};
        if (body.error) return { error: body.error };
        var next = body.next_action;
        if (body.status === 'requires_action' && next && next.type === 'redirect_to_url') {
          window.location.assign(next.redirect_to_url.url);
          return new Promise(function () {});
        }
        if (body.status === 'succeeded' || body.status === 'processing') {
          if (redirect === 'if_required') return { paymentIntent: body };
          window.location.assign(withReturnParams(params.return_url, body));
          return new Promise(function () {});
        }
        return {
          error: body.last_payment_error || {
            type: 'invalid_request_error',
            message: 'The payment did not complete.',
          },
        };
      });
  };

  function withReturnParams(returnUrl, intent) {
    var url = new URL(returnUrl, window.location.href);
    url.searchParams.set('payment_intent', intent.id);
    url.searchParams.set('payment_intent_client_secret', intent.client_secret);
    url.searchParams.set('redirect_status', intent.status);
    return url.toString();
  }

  function Elements(stripe, options) {
    if (!options.clientSecret) {
      throw integrationError(
        'The sandbox needs elements({ clientSecret }): create the PaymentIntent first.',
      );
    }
    intentIdOf(options.clientSecret);
    this._stripe = stripe;
    this._clientSecret = options.clientSecret;
    this._appearance = options.appearance || {};
    this._elements = {};
  }

  Elements.prototype.create = function (type) {
    if (type !== 'payment')
      throw integrationError('The sandbox emulates only the Payment Element ("payment").');
    if (this._elements.payment)
      throw integrationError('Can only create one Element of type payment.');
    this._elements.payment = new PaymentElement(this, {
      origin: SANDBOX_ORIGIN,
      url: ELEMENT_URL,
      prefix: PREFIX,
      key: this._stripe._key,
    });
    return this._elements.payment;
  };

  Elements.prototype.getElement = function (type) {
    return this._elements[type] || null;
  };

  /** Validates the form (Stripe's deferred flow calls this before confirming). */
  Elements.prototype.submit = function () {
    var element = this._elements.payment;
    if (!element || !element._frame)
      return Promise.resolve({
        error: { type: 'validation_error', message: 'Mount the Payment Element first.' },
      });
    return element._request('validate', {}).then(function (result) {
      return result.error ? { error: result.error } : {};
    });
  };

  Elements.prototype.update = function () {};

  window.Stripe = Stripe;
})();
