// The help page's chat: one conversation per browser tab session, resumed after a reload.
(function () {
  'use strict';
  const log = document.getElementById('log');
  const form = document.getElementById('composer');
  const input = document.getElementById('text');
  const typing = document.getElementById('typing');
  const status = document.getElementById('status');
  const KEY = 'touchpoint.conversation';
  const seen = new Set();
  let conversation = null;
  let lastSeq = 0;
  let socket = null;
  let retry = 0;

  function headers() {
    return { 'Content-Type': 'application/json', 'Authorization': 'Bearer ' + conversation.token };
  }

  // Server-rendered HTML is sanitized by the service; everything else is inserted as text.
  function render(m) {
    if (seen.has(m.seq)) return;
    seen.add(m.seq);
    lastSeq = Math.max(lastSeq, m.seq);
    if (m.type === 'CONVERSATION_STARTED' || m.type === 'ANSWER_RATED') return;
    const li = document.createElement('li');
    li.className = 'msg ' + m.author;
    if (m.html) {
      li.innerHTML = m.html;
      li.querySelectorAll('a').forEach(function (a) { a.target = '_blank'; a.rel = 'noopener noreferrer nofollow'; });
    } else {
      const p = document.createElement('p');
      p.textContent = m.text || '';
      li.appendChild(p);
    }
    if (m.kind === 'answer' && m.data && m.data.title) {
      const meta = document.createElement('span');
      meta.className = 'meta';
      meta.textContent = 'From our FAQ: ' + m.data.title;
      li.appendChild(meta);
    }
    if (m.options && m.options.length) {
      const box = document.createElement('div');
      box.className = 'options';
      m.options.forEach(function (o) {
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = o.label;
        b.addEventListener('click', function () { send(o.value); });
        box.appendChild(b);
      });
      li.appendChild(box);
    }
    const items = Array.from(log.children);
    const after = items.find(function (el) { return Number(el.dataset.seq) > m.seq; });
    li.dataset.seq = m.seq;
    if (after) log.insertBefore(li, after); else log.appendChild(li);
    log.scrollTop = log.scrollHeight;
  }

  async function start() {
    const saved = sessionStorage.getItem(KEY);
    if (saved) {
      conversation = JSON.parse(saved);
      const r = await fetch('/api/conversations/' + conversation.id + '/messages?after=0', { headers: headers() });
      if (r.ok) {
        (await r.json()).messages.forEach(render);
        connect();
        return;
      }
    }
    const r = await fetch('/api/conversations', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ touchpoint: 'help-page', locale: (navigator.language || 'en').slice(0, 2) }) });
    const body = await r.json();
    conversation = { id: body.id, token: body.token };
    sessionStorage.setItem(KEY, JSON.stringify(conversation));
    body.messages.forEach(render);
    connect();
  }

  function connect() {
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    socket = new WebSocket(proto + '//' + location.host + '/ws/conversations/' + conversation.id +
      '?token=' + encodeURIComponent(conversation.token) + '&after=' + lastSeq);
    socket.onopen = function () { retry = 0; status.textContent = ''; };
    socket.onmessage = function (e) { render(JSON.parse(e.data)); };
    socket.onclose = function () {
      status.textContent = 'Reconnecting…';
      setTimeout(connect, Math.min(30000, 500 * Math.pow(2, retry++)));
    };
  }

  async function send(text) {
    const id = (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random()).replace(/[^A-Za-z0-9-]/g, '');
    typing.hidden = false;
    try {
      const r = await fetch('/api/conversations/' + conversation.id + '/messages', { method: 'POST', headers: headers(),
        body: JSON.stringify({ clientMessageId: id, text: text }) });
      const body = await r.json();
      if (!r.ok) { status.textContent = body.detail || 'Could not send your message.'; return; }
      render(body.accepted);
      body.replies.forEach(render);
    } catch (e) {
      status.textContent = 'You seem to be offline. Please try again.';
    } finally {
      typing.hidden = true;
    }
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    send(text);
  });

  start().catch(function () { status.textContent = 'The assistant is not reachable right now.'; });
}());
