/*
 * The card form inside the Payment Element's iframe. It runs on the sandbox's origin and is
 * the only code that sees the card: it validates it as Stripe's Payment Element does, confirms
 * the PaymentIntent with the publishable key and client secret (as Stripe.js does), and tells
 * the merchant page only the API's answer.
 */
(function () {
  'use strict';

  var PREFIX = 'stripe-sandbox:';
  var parentOrigin = null;
  var key = null;
  var clientSecret = null;
  var fields = {
    number: document.getElementById('number'),
    expiry: document.getElementById('expiry'),
    cvc: document.getElementById('cvc'),
  };
  var errorBox = document.getElementById('error');
  var brandBox = document.getElementById('brand');

  function post(message) {
    window.parent.postMessage(message, parentOrigin || '*');
  }

  function brandOf(number) {
    if (/^4/.test(number)) return 'visa';
    if (/^(5[1-5]|2[2-7])/.test(number)) return 'mastercard';
    if (/^3[47]/.test(number)) return 'amex';
    if (/^(6011|65)/.test(number)) return 'discover';
    return '';
  }

  function digits(value) {
    return value.replace(/\D/g, '');
  }

  function luhn(number) {
    var sum = 0;
    for (var i = 0; i < number.length; i++) {
      var d = Number(number[number.length - 1 - i]);
      if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    return sum % 10 === 0;
  }

  function card() {
    var number = digits(fields.number.value);
    var expiry = digits(fields.expiry.value);
    return {
      number: number,
      month: expiry.slice(0, 2),
      year: expiry.slice(2, 4),
      cvc: digits(fields.cvc.value),
    };
  }

  // Stripe's Payment Element texts and codes for a card it will not send.
  function validationError() {
    var c = card();
    var amex = brandOf(c.number) === 'amex';
    var fail = function (code, message, field) {
      return { error: { type: 'validation_error', code: code, message: message }, field: field };
    };
    if (c.number.length < (amex ? 15 : 16))
      return fail('incomplete_number', 'Your card number is incomplete.', 'number');
    if (!luhn(c.number)) return fail('invalid_number', 'Your card number is invalid.', 'number');
    if (c.month.length < 2 || c.year.length < 2)
      return fail('incomplete_expiry', "Your card's expiration date is incomplete.", 'expiry');
    var month = Number(c.month);
    var year = 2000 + Number(c.year);
    var now = new Date();
    if (month < 1 || month > 12)
      return fail('invalid_expiry_month', "Your card's expiration month is invalid.", 'expiry');
    if (year < now.getFullYear())
      return fail(
        'invalid_expiry_year_past',
        "Your card's expiration year is in the past.",
        'expiry',
      );
    if (year === now.getFullYear() && month < now.getMonth() + 1)
      return fail(
        'invalid_expiry_month_past',
        "Your card's expiration date is in the past.",
        'expiry',
      );
    if (c.cvc.length < (amex ? 4 : 3))
      return fail('incomplete_cvc', "Your card's security code is incomplete.", 'cvc');
    return null;
  }

  function showError(error, field) {
    errorBox.textContent = error ? error.message : '';
    Object.keys(fields).forEach(function (name) {
      fields[name].setAttribute('aria-invalid', String(!!error && name === field));
    });
  }

  function confirm(returnUrl) {
    var problem = validationError();
    if (problem) {
      showError(problem.error, problem.field);
      return Promise.resolve({ status: 400, body: { error: problem.error } });
    }
    var c = card();
    var body = new URLSearchParams({
      key: key,
      client_secret: clientSecret,
      'payment_method_data[type]': 'card',
      'payment_method_data[card][number]': c.number,
      'payment_method_data[card][exp_month]': c.month,
      'payment_method_data[card][exp_year]': c.year,
      'payment_method_data[card][cvc]': c.cvc,
    });
    if (returnUrl) body.set('return_url', returnUrl);
    var id = clientSecret.split('_secret_')[0];
    return fetch('/v1/payment_intents/' + id + '/confirm', { method: 'POST', body: body }).then(
      function (res) {
        return res.json().then(function (json) {
          showError(json.error || null, json.error && json.error.param);
          return { status: res.status, body: json };
        });
      },
      function () {
        var error = {
          type: 'api_connection_error',
          message: 'Could not reach the sandbox. Try again.',
        };
        showError(error);
        return { status: 0, body: { error: error } };
      },
    );
  }

  function format() {
    var number = digits(fields.number.value).slice(0, 19);
    fields.number.value = number.replace(/(\d{4})(?=\d)/g, '$1 ');
    brandBox.textContent = brandOf(number);
    var expiry = digits(fields.expiry.value).slice(0, 4);
    fields.expiry.value = expiry.length > 2 ? expiry.slice(0, 2) + ' / ' + expiry.slice(2) : expiry;
    fields.cvc.value = digits(fields.cvc.value).slice(0, 4);
    var empty = !number && !expiry && !fields.cvc.value;
    post({
      type: PREFIX + 'change',
      payload: {
        elementType: 'payment',
        empty: empty,
        complete: !validationError(),
        value: { type: 'card' },
      },
    });
  }

  Object.keys(fields).forEach(function (name) {
    fields[name].addEventListener('input', format);
  });
  document.getElementById('card').addEventListener('submit', function (e) {
    e.preventDefault();
  });

  window.addEventListener('message', function (event) {
    // Only the page that framed us may drive the form; after init, only from its origin.
    if (event.source !== window.parent || (parentOrigin && event.origin !== parentOrigin)) return;
    var data = event.data || {};
    if (typeof data.type !== 'string' || data.type.indexOf(PREFIX) !== 0) return;
    var type = data.type.slice(PREFIX.length);
    if (type === 'init' && !parentOrigin) {
      parentOrigin = event.origin;
      key = data.key;
      clientSecret = data.clientSecret;
      var id = String(clientSecret).split('_secret_')[0];
      var url =
        '/v1/payment_intents/' +
        id +
        '?client_secret=' +
        encodeURIComponent(clientSecret) +
        '&key=' +
        encodeURIComponent(key);
      fetch(url).then(function (res) {
        return res.json().then(function (json) {
          post(
            res.ok ? { type: PREFIX + 'ready' } : { type: PREFIX + 'loaderror', error: json.error },
          );
          post({ type: PREFIX + 'resize', height: document.documentElement.scrollHeight });
        });
      });
    } else if (type === 'confirm') {
      confirm(data.data && data.data.returnUrl).then(function (result) {
        post({ type: PREFIX + 'response', id: data.id, result: result });
      });
    } else if (type === 'validate') {
      var problem = validationError();
      if (problem) showError(problem.error, problem.field);
      post({
        type: PREFIX + 'response',
        id: data.id,
        result: problem ? { error: problem.error } : {},
      });
    }
  });

  post({ type: PREFIX + 'hello' });
})();
