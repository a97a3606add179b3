/*
 * The sandbox's checkout modal, framed by checkout.js. It runs in the sandbox's origin, posts
 * the payment to the public pay endpoint and reports back to the merchant page via postMessage.
 */
(function () {
  'use strict';

  var PREFIX = 'rzp-sandbox:';
  // The server's own tables (methods.ts), injected into this page: never copied here.
  var TABLES = JSON.parse(document.getElementById('rzp-tables').textContent);
  var VPA = /^[a-zA-Z0-9._-]{2,256}@[a-zA-Z][a-zA-Z0-9]{1,64}$/;

  var $ = function (sel) {
    return document.querySelector(sel);
  };
  var state = {
    options: null,
    order: null,
    method: 'card',
    parentOrigin: '*',
    failures: 0,
    busy: false,
  };

  // Luhn repeats sandbox/src/razorpay/cards.ts for instant feedback; the server checks again.
  function luhnValid(d) {
    if (!/^\d{12,19}$/.test(d)) return false;
    var sum = 0;
    for (var i = d.length - 1, dbl = false; i >= 0; i--, dbl = !dbl) {
      var n = +d[i];
      if (dbl && (n *= 2) > 9) n -= 9;
      sum += n;
    }
    return sum % 10 === 0;
  }
  function detectNetwork(d) {
    var rule = TABLES.networks.filter(function (r) {
      return r.ranges.some(function (range) {
        var lead = +d.slice(0, range[0]);
        return lead >= range[1] && lead <= range[2];
      });
    })[0];
    return rule ? rule.network : d.length >= 2 ? 'Unknown' : '';
  }
  function cvvLength(network) {
    return TABLES.cvvLengths[network] || 3;
  }

  function post(type, extra) {
    var msg = Object.assign({ type: PREFIX + type }, extra || {});
    if (window.parent !== window) window.parent.postMessage(msg, state.parentOrigin);
  }

  function show(view) {
    ['form', 'bank', 'processing', 'success'].forEach(function (v) {
      $('#view-' + v).hidden = v !== view;
    });
  }

  function showError(text, reason) {
    var el = $('[data-testid="rzp-error"]');
    el.textContent = text || '';
    el.hidden = !text;
    if (reason) el.setAttribute('data-reason', reason);
    else el.removeAttribute('data-reason');
  }

  // The shop's own formatter (assets/money.js, built from @checkout-lab/contracts), so the modal
  // reads like the storefront. The sandbox also takes currencies the shop does not sell.
  function formatAmount(minor, currency) {
    var money = window.CheckoutLabMoney;
    if (money.isCurrency(currency)) return money.formatMoney(minor, currency);
    return currency + ' ' + minor + ' (minor units)';
  }

  function selectTab(method) {
    state.method = method;
    document.querySelectorAll('[role="tab"]').forEach(function (tab) {
      var on = tab.getAttribute('data-method') === method;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
    });
    document.querySelectorAll('[role="tabpanel"]').forEach(function (p) {
      p.hidden = p.getAttribute('data-method') !== method;
    });
    showError('');
  }

  function renderChoices(kind, items) {
    var box = document.querySelector('[data-choices="' + kind + '"]');
    Object.keys(items).forEach(function (code) {
      var label = document.createElement('label');
      var input = document.createElement('input');
      input.type = 'radio';
      input.name = kind;
      input.value = code;
      input.setAttribute('data-testid', 'rzp-' + kind + '-' + code);
      label.appendChild(input);
      label.appendChild(document.createTextNode(items[code]));
      box.appendChild(label);
    });
  }

  function invalid(input, message) {
    input.setAttribute('aria-invalid', 'true');
    input.focus();
    showError(message);
    return null;
  }

  // Returns the method-specific part of the pay request, or null after flagging the problem.
  function collect() {
    document.querySelectorAll('[aria-invalid]').forEach(function (el) {
      el.removeAttribute('aria-invalid');
    });
    if (state.method === 'card') {
      var number = $('#card-number').value.replace(/[\s-]/g, '');
      if (!luhnValid(number)) return invalid($('#card-number'), 'Enter a valid card number.');
      var m = /^\s*(\d{1,2})\s*\/?\s*(\d{2}|\d{4})\s*$/.exec($('#card-expiry').value);
      var now = new Date();
      var year = m ? (m[2].length === 2 ? 2000 + +m[2] : +m[2]) : 0;
      if (
        !m ||
        +m[1] < 1 ||
        +m[1] > 12 ||
        year * 12 + +m[1] < now.getFullYear() * 12 + now.getMonth() + 1
      ) {
        return invalid($('#card-expiry'), 'Enter a valid expiry date (MM / YY) in the future.');
      }
      var cvvLen = cvvLength(detectNetwork(number));
      if (!new RegExp('^\\d{' + cvvLen + '}$').test($('#card-cvv').value)) {
        return invalid($('#card-cvv'), 'Enter a valid ' + cvvLen + '-digit CVV.');
      }
      return {
        card: {
          number: number,
          expiry_month: +m[1],
          expiry_year: year,
          cvv: $('#card-cvv').value,
          name: $('#card-name').value.trim(),
        },
      };
    }
    if (state.method === 'upi') {
      var vpa = $('#vpa').value.trim();
      return VPA.test(vpa)
        ? { vpa: vpa }
        : invalid($('#vpa'), 'Enter a valid UPI ID, e.g. success@razorpay.');
    }
    var kind = state.method === 'netbanking' ? 'bank' : 'wallet';
    var chosen = document.querySelector('input[name="' + kind + '"]:checked');
    if (!chosen)
      return invalid(
        document.querySelector('input[name="' + kind + '"]'),
        'Select a ' + kind + '.',
      );
    var out = {};
    out[kind] = chosen.value;
    return out;
  }

  function pay() {
    if (state.busy || !state.order) return;
    var details = collect();
    if (!details) return;
    showError('');
    state.pending = details;
    var vpa = (details.vpa || '').toLowerCase();
    // Razorpay's test UPI ids settle by themselves; everything else goes through the bank page.
    if (vpa === 'success@razorpay' || vpa === 'failure@razorpay') submit('success');
    else show('bank');
  }

  function submit(outcome) {
    var o = state.options;
    var prefill = o.prefill || {};
    var body = Object.assign(
      { method: state.method, outcome: outcome, key_id: o.key },
      state.pending,
    );
    if (prefill.email) body.email = String(prefill.email);
    if (prefill.contact) body.contact = String(prefill.contact);
    if (o.description) body.description = String(o.description);
    if (o.notes && typeof o.notes === 'object') body.notes = o.notes;
    state.busy = true;
    show('processing');
    fetch('orders/' + encodeURIComponent(o.order_id) + '/pay', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
      .then(function (res) {
        return res.json().then(function (data) {
          return { ok: res.ok, data: data };
        });
      })
      .then(function (r) {
        state.busy = false;
        if (r.ok) {
          show('success');
          setTimeout(function () {
            post('success', { payload: r.data });
          }, 300);
          return;
        }
        var e = r.data.error || { description: 'Payment failed' };
        show('form');
        if (!e.metadata || !e.metadata.payment_id) return showError(e.description, e.reason);
        // A real failed payment: tell the merchant page, then offer a retry if allowed.
        state.failures++;
        post('failed', {
          error: {
            code: e.code,
            description: e.description,
            source: e.source,
            step: e.step,
            reason: e.reason,
            field: e.field === undefined ? null : e.field,
            metadata: e.metadata,
          },
        });
        var retry = o.retry;
        var enabled = retry !== false && !(retry && retry.enabled === false);
        var max = retry && typeof retry.max_count === 'number' ? retry.max_count : Infinity;
        if (enabled && state.failures <= max) {
          showError(e.description + ' Please try again.', e.reason);
        } else {
          showError(e.description + ' Close this window to return to the store.', e.reason);
          $('[data-testid="rzp-pay"]').disabled = true;
        }
      })
      .catch(function () {
        state.busy = false;
        show('form');
        showError('Could not reach the sandbox. Check that it is running and try again.');
      });
  }

  function dismiss() {
    if (!state.busy) post('dismiss');
  }

  function start(options, origin) {
    state.options = options;
    state.parentOrigin = origin && origin !== 'null' ? origin : '*';
    var theme = options.theme || {};
    if (theme.color) document.documentElement.style.setProperty('--accent', String(theme.color));
    $('[data-testid="rzp-merchant-name"]').textContent = options.name || 'Checkout';
    $('[data-testid="rzp-description"]').textContent = options.description || '';
    if (options.image) {
      $('[data-testid="rzp-merchant-logo"]').src = String(options.image);
      $('[data-testid="rzp-merchant-logo"]').hidden = false;
    }
    var prefill = options.prefill || {};
    if (prefill.name) $('#card-name').value = String(prefill.name);
    if (prefill.vpa) $('#vpa').value = String(prefill.vpa);
    if (
      prefill.method &&
      document.querySelector('[data-method="' + prefill.method + '"][role="tab"]')
    )
      selectTab(prefill.method);
    $('.modal').hidden = false;
    // Keyboard users land in the dialog, on the selected method, as in Razorpay's own modal.
    var selected = document.querySelector('[role="tab"][aria-selected="true"]');
    if (selected) selected.focus();
    if (!options.order_id)
      return showError('The sandbox needs an order_id: create an order with the Orders API first.');
    fetch(
      'orders/' +
        encodeURIComponent(options.order_id) +
        '?key_id=' +
        encodeURIComponent(options.key),
    )
      .then(function (res) {
        return res.json().then(function (data) {
          return { ok: res.ok, data: data };
        });
      })
      .then(function (r) {
        if (!r.ok)
          return showError(
            (r.data.error && r.data.error.description) || 'This order cannot be paid.',
          );
        if (r.data.status === 'paid') return showError('This order has already been paid.');
        state.order = r.data;
        var amount = formatAmount(r.data.amount_due, r.data.currency);
        $('[data-testid="rzp-amount"]').textContent = amount;
        var payBtn = $('[data-testid="rzp-pay"]');
        payBtn.textContent = 'Pay ' + amount;
        payBtn.disabled = false;
      })
      .catch(function () {
        showError('Could not reach the sandbox.');
      });
  }

  renderChoices('bank', TABLES.banks);
  renderChoices('wallet', TABLES.wallets);
  document.querySelectorAll('[role="tab"]').forEach(function (tab) {
    tab.addEventListener('click', function () {
      selectTab(tab.getAttribute('data-method'));
    });
  });
  $('#card-number').addEventListener('input', function (e) {
    var d = e.target.value.replace(/\D/g, '').slice(0, 19);
    e.target.value = d.replace(/(\d{4})(?=\d)/g, '$1 ');
    $('[data-testid="rzp-card-network"]').textContent = detectNetwork(d);
  });
  document.querySelectorAll('form').forEach(function (f) {
    f.addEventListener('submit', function (e) {
      e.preventDefault();
      pay();
    });
  });
  $('[data-testid="rzp-pay"]').addEventListener('click', pay);
  $('[data-testid="rzp-outcome-success"]').addEventListener('click', function () {
    submit('success');
  });
  $('[data-testid="rzp-outcome-failure"]').addEventListener('click', function () {
    submit('failure');
  });
  $('[data-testid="rzp-close"]').addEventListener('click', dismiss);
  $('[data-testid="rzp-backdrop"]').addEventListener('click', function () {
    if (state.options && state.options.modal && state.options.modal.backdropclose) dismiss();
  });
  document.addEventListener('keydown', function (e) {
    if (
      e.key === 'Escape' &&
      !(state.options && state.options.modal && state.options.modal.escape === false)
    )
      dismiss();
  });
  window.addEventListener('message', function (event) {
    // Options come only from the page that framed us, once.
    if (event.source !== window.parent || state.options) return;
    var data = event.data || {};
    if (data.type === PREFIX + 'options' && data.options) start(data.options, event.origin);
  });
  post('ready');
})();
