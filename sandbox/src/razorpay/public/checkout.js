/*
 * Checkout Lab sandbox: a drop-in for https://checkout.razorpay.com/v1/checkout.js.
 *
 * Same surface as the real script: `new Razorpay(options)`, `.open()`, `.close()`,
 * `.on('payment.failed', cb)`, `handler`, `modal.ondismiss`. Like the real one, the payment form
 * lives in an iframe served by the gateway's own origin (here: the sandbox), so card data never
 * touches the merchant page; the two sides talk with origin-checked postMessage.
 */
(function () {
  'use strict';

  if (window.Razorpay && window.Razorpay.sandbox) return;

  // The sandbox's origin is wherever this script came from; the modal page sits beside it.
  var script =
    document.currentScript ||
    Array.prototype.filter.call(document.getElementsByTagName('script'), function (s) {
      return /\/checkout\.js(\?|#|$)/.test(s.src);
    })[0];
  var scriptUrl = new URL(script ? script.src : '/razorpay/checkout.js', window.location.href);
  var SANDBOX_ORIGIN = scriptUrl.origin;
  var MODAL_URL = scriptUrl.href.replace(/checkout\.js([?#].*)?$/, '_sandbox/checkout');
  var PREFIX = 'rzp-sandbox:';

  // Only data crosses into the iframe: callbacks stay here.
  var FORWARDED = [
    'key',
    'order_id',
    'amount',
    'currency',
    'name',
    'description',
    'image',
    'prefill',
    'notes',
    'theme',
    'retry',
    'readonly',
    'hidden',
  ];

  function pick(options) {
    var out = {};
    FORWARDED.forEach(function (k) {
      if (options[k] !== undefined) out[k] = JSON.parse(JSON.stringify(options[k]));
    });
    out.modal = {
      escape: !(options.modal && options.modal.escape === false),
      backdropclose: !!(options.modal && options.modal.backdropclose),
    };
    return out;
  }

  function Razorpay(options) {
    if (!(this instanceof Razorpay)) return new Razorpay(options);
    if (!options || typeof options !== 'object')
      throw new Error('Razorpay: options must be an object');
    if (!options.key) throw new Error('Razorpay: the "key" option is required');
    this.options = options;
    this._listeners = {};
    this._overlay = null;
    this._frame = null;
    this._onMessage = this._handleMessage.bind(this);
  }

  Razorpay.sandbox = true;

  Razorpay.prototype.on = function (event, callback) {
    if (typeof callback === 'function')
      (this._listeners[event] = this._listeners[event] || []).push(callback);
    return this;
  };

  Razorpay.prototype._emit = function (event, payload) {
    (this._listeners[event] || []).forEach(function (cb) {
      try {
        cb(payload);
      } catch (err) {
        setTimeout(function () {
          throw err;
        });
      }
    });
  };

  Razorpay.prototype.open = function () {
    if (this._overlay) return this;
    this._opener = document.activeElement;
    var overlay = document.createElement('div');
    overlay.className = 'razorpay-container';
    overlay.setAttribute('data-testid', 'rzp-overlay');
    overlay.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:transparent;';
    var frame = document.createElement('iframe');
    frame.src = MODAL_URL;
    frame.title = 'Razorpay Checkout (sandbox)';
    frame.className = 'razorpay-checkout-frame';
    frame.setAttribute('data-testid', 'rzp-checkout-frame');
    frame.setAttribute('allow', 'payment');
    frame.style.cssText =
      'position:absolute;inset:0;width:100%;height:100%;border:0;background:transparent;';
    overlay.appendChild(frame);
    this._bodyOverflow = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    document.body.appendChild(overlay);
    this._overlay = overlay;
    this._frame = frame;
    window.addEventListener('message', this._onMessage);
    return this;
  };

  Razorpay.prototype.close = function () {
    if (!this._overlay) return;
    window.removeEventListener('message', this._onMessage);
    if (this._overlay.parentNode) this._overlay.parentNode.removeChild(this._overlay);
    document.body.style.overflow = this._bodyOverflow || '';
    this._overlay = null;
    this._frame = null;
    if (this._opener && typeof this._opener.focus === 'function') this._opener.focus();
    this._opener = null;
  };

  Razorpay.prototype._post = function (message) {
    if (this._frame && this._frame.contentWindow)
      this._frame.contentWindow.postMessage(message, SANDBOX_ORIGIN);
  };

  Razorpay.prototype._handleMessage = function (event) {
    // Trust only our own iframe, from the sandbox's origin.
    if (
      !this._frame ||
      event.source !== this._frame.contentWindow ||
      event.origin !== SANDBOX_ORIGIN
    )
      return;
    var data = event.data || {};
    if (typeof data.type !== 'string' || data.type.indexOf(PREFIX) !== 0) return;
    var type = data.type.slice(PREFIX.length);
    var options = this.options;
    if (type === 'ready') {
      // Move keyboard focus into the modal; the page gets it back when the modal closes.
      this._frame.focus();
      this._post({ type: PREFIX + 'options', options: pick(options) });
    } else if (type === 'success') {
      this.close();
      // `redirect: true` (or no handler at all) sends the result to callback_url instead.
      if (options.callback_url && (redirects(options) || typeof options.handler !== 'function'))
        submitToCallback(options.callback_url, data.payload);
      else if (typeof options.handler === 'function') options.handler(data.payload);
    } else if (type === 'failed') {
      // With `redirect: true`, a failure leaves the modal for callback_url with the error fields.
      if (options.callback_url && redirects(options)) {
        this.close();
        submitToCallback(options.callback_url, errorFields(data.error || {}));
      } else this._emit('payment.failed', { error: data.error });
    } else if (type === 'dismiss') {
      this.close();
      if (options.modal && typeof options.modal.ondismiss === 'function') options.modal.ondismiss();
    }
  };

  function redirects(options) {
    return options.redirect === true || options.redirect === 'true';
  }

  // What Razorpay posts to callback_url for a failed payment: error[code], error[description]…,
  // with error[metadata] as a JSON string ({"payment_id":…,"order_id":…}).
  function errorFields(error) {
    var fields = {};
    ['code', 'description', 'source', 'step', 'reason', 'field'].forEach(function (k) {
      if (error[k] !== undefined && error[k] !== null) fields['error[' + k + ']'] = error[k];
    });
    fields['error[metadata]'] = JSON.stringify(error.metadata || {});
    return fields;
  }

  // Checkout posts the result to callback_url as a form (a top-level navigation), like the real one.
  function submitToCallback(url, payload) {
    var form = document.createElement('form');
    form.method = 'POST';
    form.action = url;
    Object.keys(payload).forEach(function (k) {
      var input = document.createElement('input');
      input.type = 'hidden';
      input.name = k;
      input.value = payload[k];
      form.appendChild(input);
    });
    document.body.appendChild(form);
    form.submit();
  }

  window.Razorpay = Razorpay;
})();
