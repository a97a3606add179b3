/*
 * The Payment Element of the sandbox's Stripe.js: an iframe of the sandbox's own card form.
 * It holds no card data itself; it relays `confirm` / `validate` requests to the frame, which
 * calls the API from the sandbox's origin and answers with the API's response.
 */
/* exported PaymentElement */
function PaymentElement(elements, config) {
  this._elements = elements;
  this._config = config;
  this._frame = null;
  this._listeners = {};
  this._pending = {};
  this._nextId = 1;
  this._onMessage = this._handleMessage.bind(this);
}

PaymentElement.prototype.on = function (event, handler) {
  if (typeof handler === 'function')
    (this._listeners[event] = this._listeners[event] || []).push(handler);
  return this;
};

PaymentElement.prototype.off = function (event, handler) {
  this._listeners[event] = (this._listeners[event] || []).filter(function (h) {
    return h !== handler;
  });
  return this;
};

PaymentElement.prototype._emit = function (event, payload) {
  (this._listeners[event] || []).forEach(function (handler) {
    try {
      handler(payload);
    } catch (err) {
      setTimeout(function () {
        throw err;
      });
    }
  });
};

PaymentElement.prototype.mount = function (target) {
  var container = typeof target === 'string' ? document.querySelector(target) : target;
  if (!container || !container.appendChild)
    throw new Error('Payment Element: mount target not found: ' + target);
  if (this._frame) this.unmount();
  var frame = document.createElement('iframe');
  frame.src = this._config.url;
  frame.title = 'Secure payment input frame (sandbox)';
  frame.setAttribute('data-testid', 'stripe-payment-element');
  frame.setAttribute('allow', 'payment');
  frame.style.cssText = 'width:100%;height:220px;border:0;display:block;background:transparent;';
  container.appendChild(frame);
  this._frame = frame;
  window.addEventListener('message', this._onMessage);
  return this;
};

PaymentElement.prototype.unmount = function () {
  window.removeEventListener('message', this._onMessage);
  if (this._frame && this._frame.parentNode) this._frame.parentNode.removeChild(this._frame);
  this._frame = null;
};

PaymentElement.prototype.destroy = function () {
  this.unmount();
  delete this._elements._elements.payment;
};

PaymentElement.prototype.update = function () {};

PaymentElement.prototype.focus = function () {
  if (this._frame) this._frame.focus();
};

/** One request to the frame, answered by a message carrying the same id. */
PaymentElement.prototype._request = function (type, data) {
  var id = this._nextId++;
  return new Promise(
    function (resolve) {
      this._pending[id] = resolve;
      this._post({ type: this._config.prefix + type, id: id, data: data });
    }.bind(this),
  );
};

PaymentElement.prototype._post = function (message) {
  if (this._frame && this._frame.contentWindow)
    this._frame.contentWindow.postMessage(message, this._config.origin);
};

PaymentElement.prototype._handleMessage = function (event) {
  // Trust only our own frame, from the sandbox's origin.
  if (
    !this._frame ||
    event.source !== this._frame.contentWindow ||
    event.origin !== this._config.origin
  )
    return;
  var data = event.data || {};
  var prefix = this._config.prefix;
  if (typeof data.type !== 'string' || data.type.indexOf(prefix) !== 0) return;
  var type = data.type.slice(prefix.length);
  if (type === 'hello') {
    this._post({
      type: prefix + 'init',
      key: this._config.key,
      clientSecret: this._elements._clientSecret,
      appearance: this._elements._appearance,
    });
  } else if (type === 'ready') {
    this._emit('ready', { elementType: 'payment' });
  } else if (type === 'loaderror') {
    this._emit('loaderror', { elementType: 'payment', error: data.error });
  } else if (type === 'change') {
    this._emit('change', data.payload);
  } else if (type === 'resize' && typeof data.height === 'number') {
    this._frame.style.height = Math.ceil(data.height) + 'px';
  } else if (type === 'response' && this._pending[data.id]) {
    var resolve = this._pending[data.id];
    delete this._pending[data.id];
    resolve(data.result || {});
  }
};
