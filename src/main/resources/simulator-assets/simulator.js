/* Chat simulator: pushes user actions through /simulator/api/send and polls the messages the
   WeChat API stand-in caught. Text from users and from the app is only ever set with
   textContent or as DOM text nodes, never parsed as HTML. */
(function () {
  'use strict';

  var $ = function (id) { return document.getElementById(id); };
  var labels = $('labels').dataset;
  var chat = $('chat');
  var state = { after: 0, generation: 0 };
  var POLL_MS = 1500;
  var OPENID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

  function format(template) {
    var args = Array.prototype.slice.call(arguments, 1);
    return template.replace(/\{(\d+)\}/g, function (m, i) { return args[i] === undefined ? m : String(args[i]); });
  }

  function account() {
    var option = $('account').selectedOptions[0];
    return {
      appId: option.value,
      name: option.dataset.name,
      mode: option.dataset.mode,
      customerService: option.dataset.customerService === 'true'
    };
  }

  function openid() { return $('openid').value.trim(); }

  function scrollDown() { chat.scrollTop = chat.scrollHeight; }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) { el.className = className; }
    if (text !== undefined && text !== null) { el.textContent = text; }
    return el;
  }

  /* WeChat shows <a href="…">…</a> in text messages as links; everything else stays text. */
  function appendRichText(container, text) {
    var pattern = /<a\s+href=(["'])(.*?)\1\s*>(.*?)<\/a>/gi;
    var last = 0;
    var match;
    while ((match = pattern.exec(text)) !== null) {
      container.appendChild(document.createTextNode(text.slice(last, match.index)));
      container.appendChild(link(match[2], match[3]));
      last = pattern.lastIndex;
    }
    container.appendChild(document.createTextNode(text.slice(last)));
  }

  function link(href, label) {
    if (/^weixin:\/\/bizmsgmenu/i.test(href)) {
      var content = new URLSearchParams(href.split('?')[1] || '').get('msgmenucontent') || label;
      var button = element('button', 'menu-link', label);
      button.type = 'button';
      button.addEventListener('click', function () { send('text', { text: content }, content); });
      return button;
    }
    if (/^https?:\/\//i.test(href)) {
      var a = element('a', null, label);
      a.href = href;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      return a;
    }
    return document.createTextNode(label);
  }

  /* Adds a chat entry at the end, or before `anchor` (the placeholder of a pending push). */
  function place(li, anchor) {
    if (anchor && anchor.parentNode === chat) { chat.insertBefore(li, anchor); } else { chat.appendChild(li); }
    scrollDown();
    return li;
  }

  function bubble(side, text, tag, meta, anchor) {
    var li = element('li', 'msg ' + side);
    if (tag) { li.appendChild(element('span', 'tag', tag)); }
    var body = element('div', 'body');
    if (side === 'user') { body.textContent = text; } else { appendRichText(body, text); }
    li.appendChild(body);
    if (meta) { li.appendChild(element('small', 'meta', meta)); }
    return place(li, anchor);
  }

  function note(text, extraClass, anchor) {
    return place(element('li', 'note' + (extraClass ? ' ' + extraClass : ''), text), anchor);
  }

  function describe(type, payload, shown) {
    switch (type) {
      case 'subscribe': return labels.evSubscribe;
      case 'unsubscribe': return labels.evUnsubscribe;
      case 'click': return format(labels.evClick, shown);
      case 'voice': return format(labels.evVoice, payload.text);
      case 'image': return labels.evImage;
      default: return payload.text;
    }
  }

  function send(type, payload, shown) {
    var generation = state.generation;
    var encrypt = $('encrypt').checked;
    var request = {
      appId: account().appId, openid: openid(), type: type,
      text: payload.text || null, eventKey: payload.eventKey || null, encrypt: encrypt
    };
    bubble('user', describe(type, payload, shown));
    var waiting = note(labels.waiting, 'waiting');
    fetch('/simulator/api/send', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request)
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (answer) {
      if (generation === state.generation) {
        if (answer.ok) {
          showResult(answer.body, encrypt, waiting);
        } else {
          note(format(labels.error, answer.body.error || ''), 'error', waiting);
        }
      }
      waiting.remove();
    }).catch(function (e) {
      note(format(labels.error, e.message), 'error', waiting);
      waiting.remove();
    });
  }

  /* Shows the outcome where the push's placeholder stands, so answers stay next to their question. */
  function showResult(result, encrypt, anchor) {
    var meta = format(labels.meta, result.httpStatus, result.attempts, result.elapsedMs)
      + (encrypt ? ' · ' + labels.safe : '');
    if (result.attempts > 1) { note(format(labels.retried, result.attempts - 1), null, anchor); }
    if (result.httpStatus === 0) {
      note(labels.failed, 'error', anchor);
    } else if (result.httpStatus !== 200) {
      note(format(labels.refused, result.httpStatus, result.rawResponse || ''), 'error', anchor);
    } else if (result.reply !== null && result.reply !== undefined) {
      bubble('bot', result.reply, null, meta, anchor);
    } else if (result.error) {
      note(format(labels.problem, result.error), 'error', anchor);
    } else {
      note(labels.noReply + ' ' + meta, null, anchor);
    }
    inspect(result, meta);
  }

  function inspect(result, meta) {
    $('last-summary').textContent = result.error ? meta + ' · ' + result.error : meta;
    $('request-xml').textContent = result.requestXml || '';
    $('reply-xml').textContent = result.replyXml || labels.summaryNone;
    $('raw-response').textContent = result.rawResponse || '';
  }

  function tagFor(api, rawJson) {
    if (api === 'CUSTOMER_SERVICE') {
      // WeChat's AI-content mark, as the phone shows it under the message
      return /"is_ai_msg"\s*:\s*1/.test(rawJson || '') ? labels.aiMarked : labels.customerService;
    }
    if (api === 'TEMPLATE') { return labels.template; }
    if (api === 'SUBSCRIBE') { return labels.subscribeNotice; }
    return null;
  }

  /** WeChat's typing indicator: the title reads "对方正在输入…" for 15 s, as on a phone. */
  function showTyping() {
    var title = $('phone-title');
    title.textContent = labels.typing;
    clearTimeout(state.typingTimer);
    state.typingTimer = setTimeout(function () { title.textContent = account().name; }, 15000);
  }

  function poll() {
    var generation = state.generation;
    var query = new URLSearchParams({ openid: openid(), appId: account().appId, after: String(state.after) });
    fetch('/simulator/api/messages?' + query.toString())
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (messages) {
        if (generation !== state.generation) { return; }
        messages.forEach(function (m) {
          state.after = Math.max(state.after, m.id);
          if (m.api === 'TYPING' && m.content === 'Typing') { showTyping(); }
          var tag = tagFor(m.api, m.rawJson);
          if (tag) { bubble('bot pushed', m.content || '', tag, new Date(m.time).toLocaleTimeString()); }
        });
      })
      .catch(function () { /* the next poll tries again */ })
      .then(function () { setTimeout(poll, POLL_MS); });
  }

  function reset() {
    state.generation++;
    state.after = 0;
    chat.textContent = '';
    var a = account();
    $('phone-title').textContent = a.name;
    // as on WeChat's side: safe mode encrypts every push, plain mode none, compatible mode as chosen
    $('encrypt').disabled = a.mode !== 'compatible';
    $('encrypt').checked = a.mode === 'safe' || (a.mode === 'compatible' && $('encrypt').checked);
    $('fact-safe').textContent = a.mode === 'safe' ? labels.factSafe
        : a.mode === 'compatible' ? labels.factCompatible : labels.factPlain;
    $('fact-cs').textContent = a.customerService ? labels.factCsYes : labels.factCsNo;
  }

  function randomOpenid() {
    var bytes = new Uint8Array(24);
    window.crypto.getRandomValues(bytes);
    return 'oSim' + Array.prototype.map.call(bytes, function (b) { return OPENID_CHARS[b % 64]; }).join('');
  }

  $('composer').addEventListener('submit', function (event) {
    event.preventDefault();
    var text = $('text').value;
    if (!text.trim()) { return; }
    $('text').value = '';
    send('text', { text: text });
  });

  document.querySelectorAll('[data-action]').forEach(function (button) {
    button.addEventListener('click', function () {
      var action = button.dataset.action;
      if (action === 'voice') {
        var text = $('text').value;
        if (!text.trim()) { note(labels.voiceEmpty, 'error'); return; }
        $('text').value = '';
        send('voice', { text: text });
      } else {
        send(action, {});
      }
    });
  });

  document.querySelectorAll('.menu-button').forEach(function (button) {
    button.addEventListener('click', function () {
      send('click', { eventKey: button.dataset.key }, button.textContent);
    });
  });

  $('account').addEventListener('change', reset);
  $('openid').addEventListener('change', reset);
  $('new-openid').addEventListener('click', function () { $('openid').value = randomOpenid(); reset(); });

  reset();
  poll();
}());
