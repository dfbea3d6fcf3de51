// The agent console. Signs in through the staff pages' shared session (session.js). Customer and agent text is
// inserted with textContent; the bot's answers arrive as HTML the server rendered from markdown and sanitized,
// and are inserted through safeFragment, which keeps only harmless tags.
import * as session from '/assets/session.js';
import { safeFragment } from '/assets/safe-html.js';

(function () {
  'use strict';
  const HEARTBEAT_MS = 20000;
  const $ = function (id) { return document.getElementById(id); };
  let me = null;
  let presence = 'offline';
  let socket = null;
  let retry = 0;
  let current = null;      // the open conversation's id
  let lastSeq = 0;         // highest seq shown for it
  let queueTimer = null;
  let queueData = { waiting: [], mine: [] };

  function status(text) { $('status').textContent = text || ''; }

  const api = session.json;

  // ---- presence: saying it again every 20 s is the heartbeat ----
  $('presence').addEventListener('change', function () { setPresence($('presence').value); });
  async function setPresence(value) {
    try {
      presence = (await api('PUT', '/api/agent/presence', { status: value })).status;
      $('presence').value = presence;
      loadQueue();
    } catch (e) { status(e.message); }
  }
  setInterval(function () { if (me && presence !== 'offline') setPresence(presence); }, HEARTBEAT_MS);

  // ---- queue ----
  function ago(iso) {
    const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
    return s < 60 ? s + ' s' : Math.floor(s / 60) + ' min ' + (s % 60) + ' s';
  }

  async function loadQueue() {
    try { queueData = await api('GET', '/api/agent/queue'); } catch (e) { status(e.message); return; }
    presence = queueData.presence || presence;
    $('presence').value = presence;
    renderQueue();
  }

  function renderQueue() {
    const q = $('queue');
    q.replaceChildren();
    (queueData.waiting || []).forEach(function (w) {
      const li = document.createElement('li');
      li.tabIndex = 0;
      if (w.myTeam) li.classList.add('mine-team');
      if (w.offline) li.classList.add('offline');
      const title = document.createElement('strong');
      title.textContent = '#' + w.position + ' ' + w.team + ' · ' + w.touchpoint;
      const meta = document.createElement('div');
      meta.className = 'muted';
      meta.textContent = 'waiting ' + ago(w.requestedAt) + ' · ' + String(w.reason).replace(/_/g, ' ')
        + (w.offline ? ' · offline message from ' + (w.email || '') : '');
      li.append(title, meta);
      li.addEventListener('click', function () { openConversation(w.conversationId); });
      li.addEventListener('keydown', function (e) { if (e.key === 'Enter') openConversation(w.conversationId); });
      q.appendChild(li);
    });
    const waiting = (queueData.waiting || []).length;
    $('queue-empty').hidden = waiting > 0;
    // The tab's title shows how many customers wait, so an agent working in another tab sees them.
    document.title = (waiting ? '(' + waiting + ') ' : '') + 'Touchpoint — Agent console';
    const mine = $('mine');
    mine.replaceChildren();
    (queueData.mine || []).forEach(function (m) {
      const li = document.createElement('li');
      li.tabIndex = 0;
      li.textContent = m.team + ' · ' + m.touchpoint + ' · since ' + ago(m.assignedAt);
      li.addEventListener('click', function () { openConversation(m.conversationId); });
      mine.appendChild(li);
    });
  }

  // ---- follow-ups: the service-recovery tasks that are not done yet ----
  const FOLLOW_UP_REFRESH_MS = 30000;
  let followUpTimer = null;

  async function loadFollowUps() {
    let tasks;
    try { tasks = await api('GET', '/api/recovery/tasks'); } catch (e) { status(e.message); return; }
    const open = tasks.filter(function (t) { return t.status !== 'done'; });
    const list = $('followups');
    list.replaceChildren.apply(list, open.map(followUpItem));
    $('followups-empty').hidden = open.length > 0;
  }

  function followUpItem(t) {
    const li = document.createElement('li');
    li.tabIndex = 0;
    li.dataset.task = String(t.id);
    const reason = document.createElement('strong');
    reason.textContent = t.reason;
    const meta = document.createElement('div');
    meta.className = 'muted';
    meta.textContent = 'opened ' + ago(t.createdAt) + ' ago · ' + t.status.replace(/_/g, ' ')
      + (t.assignee ? ' · ' + t.assignee : '');
    const actions = document.createElement('div');
    actions.className = 'task-actions';
    if (t.status === 'open' || t.assignee !== me.sub) {
      actions.appendChild(taskButton('Take', t, { status: 'in_progress', assignee: me.sub }, 'Follow-up taken.'));
    }
    actions.appendChild(taskButton('Done', t, { status: 'done', assignee: t.assignee || me.sub }, 'Follow-up done.'));
    li.append(reason, meta, actions);
    li.addEventListener('click', function () { openConversation(t.conversationId); });
    li.addEventListener('keydown', function (e) { if (e.key === 'Enter' && e.target === li) openConversation(t.conversationId); });
    return li;
  }

  function taskButton(label, task, body, done) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', async function (e) {
      e.stopPropagation();
      try {
        await api('PUT', '/api/recovery/tasks/' + task.id, body);
        status(done);
        loadFollowUps();
      } catch (err) { status(err.message); }
    });
    return b;
  }

  // Links name a conversation in the fragment (/agent/#conversation=ID): recovery tasks and webhooks use them.
  function linkedConversation() {
    const m = /^#conversation=([^&]+)$/.exec(location.hash);
    return m ? decodeURIComponent(m[1]) : null;
  }
  window.addEventListener('hashchange', function () {
    const id = linkedConversation();
    if (me && id && id !== current) openConversation(id);
  });

  // ---- one conversation ----
  async function openConversation(id) {
    let view;
    try { view = await api('GET', '/api/agent/conversations/' + encodeURIComponent(id)); } catch (e) { status(e.message); return; }
    current = id;
    if (linkedConversation() !== id) history.replaceState(null, '', '#conversation=' + encodeURIComponent(id));
    lastSeq = 0;
    $('conv-empty').hidden = true;
    $('conv').hidden = false;
    $('messages').replaceChildren();
    renderMeta(view);
    renderSummary(view.summary || {});
    loadCustomer(id);
    (view.messages || []).forEach(addMessage);
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify({ watch: id, after: lastSeq }));
    }
  }

  // The customer beside the conversation: only identified customers have a profile; anonymous ones show none.
  async function loadCustomer(id) {
    const box = $('customer');
    box.hidden = true;
    let found;
    try { found = await api('GET', '/api/agent/conversations/' + encodeURIComponent(id) + '/contact'); } catch (e) { return; }
    if (current !== id || !found || !found.profile) return;
    const p = found.profile;
    const c = p.contact;
    const ids = (c.identities || []).map(function (i) { return i.kind.toLowerCase().replace(/_/g, ' ') + ' ' + i.value; });
    $('customer-who').textContent = (c.name || 'Unnamed customer') + (c.email ? ' · ' + c.email : '')
      + (ids.length ? ' · ' + ids.join(', ') : '');
    const attrs = $('customer-attributes');
    attrs.replaceChildren();
    Object.keys(c.attributes || {}).forEach(function (k) {
      const dt = document.createElement('dt'); dt.textContent = k;
      const dd = document.createElement('dd'); dd.textContent = c.attributes[k];
      attrs.append(dt, dd);
    });
    fillList('customer-conversations', (p.conversations || []).slice().reverse().map(function (h) {
      const scores = (h.scores || []).map(function (s) { return s.type + ' ' + s.score; }).join(', ');
      const item = li(new Date(h.startedAt).toLocaleDateString() + ' · ' + h.channel + ' · ' + h.touchpoint + ' · '
        + h.outcome.replace(/_/g, ' ') + (scores ? ' · ' + scores : '') + ((h.faqs || []).length ? ' · ' + h.faqs.join(', ') : '')
        + (h.id === id ? ' (this conversation)' : ''));
      item.className = h.id === id ? 'current' : '';
      item.dataset.conversation = h.id;
      return item;
    }), 'None');
    fillList('customer-tasks', (p.openRecoveryTasks || []).map(function (t) { return li(t.reason + ' · ' + t.status.replace(/_/g, ' ')); }),
      'None open');
    box.hidden = false;
  }

  function renderMeta(view) {
    const mine = me && view.agentId === me.agentId;
    $('conv-meta').textContent = view.state.replace(/_/g, ' ').toLowerCase() + ' · team ' + (view.team || '—')
      + ' · ' + (view.channel && view.channel !== 'web' ? view.channel + ' channel · ' : '') + view.touchpoint + (view.offlineEmail ? ' · reply by email to ' + view.offlineEmail : '');
    $('claim').hidden = view.state !== 'WAITING_FOR_AGENT';
    $('handback').hidden = !mine || view.state !== 'WITH_AGENT';
    $('resolve').hidden = !(mine && view.state === 'WITH_AGENT') && view.state !== 'WAITING_FOR_AGENT';
    $('reply-form').hidden = !mine || view.state !== 'WITH_AGENT';
    $('transfer-box').hidden = view.state !== 'WAITING_FOR_AGENT' && !(mine && view.state === 'WITH_AGENT');
  }

  function li(text) { const e = document.createElement('li'); e.textContent = text; return e; }

  // A list in the summary, or one muted "none" line so an empty section does not look like a rendering fault.
  function fillList(id, items, empty) {
    const list = $(id);
    if (items.length) {
      list.replaceChildren.apply(list, items);
    } else {
      const none = li(empty);
      none.className = 'muted';
      list.replaceChildren(none);
    }
  }

  function renderSummary(s) {
    $('summary-text').textContent = (s.text || '') + (s.generated ? '\n(written by the language model from the transcript; the lists below are exact)' : '');
    fillList('summary-questions', (s.customerQuestions || []).map(li), 'No questions yet');
    fillList('summary-faqs', (s.faqsTried || []).map(function (f) {
      return li((f.title || f.faqId) + ' — ' + f.outcome + (f.confidence != null ? ' (' + Math.round(f.confidence * 100) + '%)' : ''));
    }), 'None: the bot found no FAQ for these questions');
    const ratings = (s.ratings || []).map(function (r) { return li((r.helpful ? '👍 ' : '👎 ') + (r.faqId || '')); })
      .concat((s.surveyAnswers || []).map(function (a) {
        return li(a.data && a.data.score != null ? eventText({ type: 'SURVEY_ANSWERED', data: a.data })
          : 'Survey ' + (a.questionId || '') + ': ' + (a.answer || ''));
      }));
    fillList('summary-ratings', ratings, 'None yet');
  }

  const NAMES = { customer: 'Customer', bot: 'Bot', agent: 'Agent', system: '' };
  const SCALES = { CES: ' of 7', CSAT: ' of 5', NPS: ' of 10' };

  // Events without text of their own, in words; survey answers show the score and comment an agent follows up on.
  function eventText(m) {
    const d = m.data || {};
    if (m.type === 'ANSWER_RATED') return d.helpful === true ? 'rated helpful' : 'rated not helpful';
    if (m.type === 'SURVEY_ANSWERED') {
      return (d.type || d.questionId || 'survey') + ' ' + d.score + (SCALES[d.type] || '') + (d.comment ? ': “' + d.comment + '”' : '');
    }
    return m.type.replace(/_/g, ' ').toLowerCase();
  }
  function addMessage(m) {
    if (m.conversationId !== current || m.seq <= lastSeq) return;
    lastSeq = m.seq;
    if (m.type === 'CONVERSATION_STARTED') return;
    const item = document.createElement('li');
    item.className = m.author;
    const who = document.createElement('span');
    who.className = 'who';
    who.textContent = m.author === 'agent' && m.data && m.data.agentName ? m.data.agentName : NAMES[m.author] || '';
    if (m.html) {
      // The bot's answers are markdown (links, lists, tables): shown as the customer saw them, not as source.
      const rich = document.createElement('div');
      rich.className = 'rich';
      rich.append(safeFragment(m.html));
      item.append(who, rich);
    } else {
      const text = document.createElement('span');
      text.textContent = m.text || eventText(m);
      item.append(who, text);
    }
    if (m.kind === 'answer' && m.data && m.data.title) {
      const meta = document.createElement('div');
      meta.className = 'muted';
      meta.textContent = 'FAQ: ' + m.data.title + (m.confidence != null ? ' (' + Math.round(m.confidence * 100) + '%)' : '');
      item.appendChild(meta);
    }
    $('messages').appendChild(item);
    $('messages').scrollTop = $('messages').scrollHeight;
  }

  async function act(path, body, done) {
    if (!current) return;
    try {
      await api('POST', '/api/agent/conversations/' + encodeURIComponent(current) + path, body);
      status(done);
      await openConversation(current);
      loadQueue();
    } catch (e) { status(e.message); }
  }
  $('claim').addEventListener('click', function () { act('/claim', null, 'Claimed.'); });
  $('handback').addEventListener('click', function () { act('/handback', null, 'Handed back to the bot.'); });
  $('resolve').addEventListener('click', function () { act('/resolve', null, 'Resolved.'); });
  $('transfer').addEventListener('click', function () { act('/transfer', { team: $('transfer-team').value }, 'Transferred.'); });
  // A reply keeps its id until the service confirms it, so sending again after an error is stored once.
  let unconfirmed = null;
  function newMessageId() {
    return Array.from(crypto.getRandomValues(new Uint8Array(16)), function (b) { return b.toString(16).padStart(2, '0'); }).join('');
  }
  $('reply-form').addEventListener('submit', async function (e) {
    e.preventDefault();
    const text = $('reply-text').value.trim();
    if (!text || !current) return;
    if (!unconfirmed || unconfirmed.text !== text || unconfirmed.conversation !== current) {
      unconfirmed = { conversation: current, text: text, id: newMessageId() };
    }
    try {
      await api('POST', '/api/agent/conversations/' + encodeURIComponent(current) + '/messages',
        { text: text, clientMessageId: unconfirmed.id });
      unconfirmed = null;
      $('reply-text').value = '';
    } catch (err) { status(err.message); }
  });

  // ---- FAQ answers to insert, and teams to transfer to ----
  let faqs = [];
  async function loadLists() {
    try {
      faqs = await api('GET', '/api/agent/faqs');
      const pick = $('faq-pick');
      pick.replaceChildren(new Option('—', ''));
      faqs.forEach(function (f, i) { pick.appendChild(new Option(f.title, String(i))); });
      const teams = await api('GET', '/api/agent/teams');
      $('transfer-team').replaceChildren.apply($('transfer-team'), teams.map(function (t) { return new Option(t, t); }));
    } catch (e) { status(e.message); }
  }
  $('faq-pick').addEventListener('change', function () {
    const f = faqs[Number($('faq-pick').value)];
    if (f) {
      const box = $('reply-text');
      box.value = (box.value ? box.value + '\n\n' : '') + f.text;
      $('faq-pick').value = '';
      box.focus();
    }
  });

  // ---- live updates ----
  // The server sends a heartbeat every few seconds (it says how often). A socket that stays silent for
  // HEARTBEAT_MISSES of those is dead even if the browser still calls it open: it is dropped and reopened, and the
  // open conversation is watched again from the last message shown.
  const HEARTBEAT_MISSES = 3;
  let serverHeartbeatMs = 20000;
  let silenceTimer = null;

  function connect() {
    if (!me) return;
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    const ws = new WebSocket(scheme + location.host + '/ws/agent?token=' + encodeURIComponent(session.token()));
    socket = ws;
    listen(ws);
    ws.onopen = function () {
      retry = 0;
      if (current) ws.send(JSON.stringify({ watch: current, after: lastSeq }));
      loadQueue();
    };
    ws.onmessage = function (e) {
      let m;
      try { m = JSON.parse(e.data); } catch (err) { m = null; }
      if (m && m.type === 'heartbeat' && m.everyMs > 0) serverHeartbeatMs = m.everyMs;
      listen(ws);
      if (!m) return;
      if (m.type === 'queue' || m.type === 'assigned') {
        loadQueue();
        if (m.conversationId === current) openConversation(current);
      } else if (m.seq) {
        addMessage(m);
      }
    };
    ws.onclose = function () { dropped(ws); };
  }

  // (Re)arms the watchdog: from now on the server has HEARTBEAT_MISSES intervals to say something.
  function listen(ws) {
    clearTimeout(silenceTimer);
    silenceTimer = setTimeout(function () {
      if (socket !== ws) return;
      ws.onclose = null;
      try { ws.close(); } catch (e) { /* already closing */ }
      dropped(ws);
    }, serverHeartbeatMs * HEARTBEAT_MISSES);
  }

  function dropped(ws) {
    if (socket !== ws) return;
    socket = null;
    clearTimeout(silenceTimer);
    if (!me) return;
    retry = Math.min(retry + 1, 6);
    setTimeout(connect, 500 * Math.pow(2, retry));
  }

  // Signed out: the timers and the socket stop, so nothing calls the API without a token, and the next person to
  // sign in on this tab starts offline with no conversation open.
  function stop() {
    me = null;
    presence = 'offline';
    current = null;
    $('conv').hidden = true;
    $('conv-empty').hidden = false;
    if (followUpTimer) { clearInterval(followUpTimer); followUpTimer = null; }
    if (queueTimer) { clearInterval(queueTimer); queueTimer = null; }
    if (socket) { const ws = socket; socket = null; ws.onclose = null; ws.close(); }
    clearTimeout(silenceTimer);
  }

  function start() {
    me = session.claims();
    $('agent-name').textContent = me.displayName || me.sub || '';
    loadLists();
    loadQueue();
    loadFollowUps();
    if (followUpTimer) clearInterval(followUpTimer);
    followUpTimer = setInterval(loadFollowUps, FOLLOW_UP_REFRESH_MS);
    connect();
    if (linkedConversation()) openConversation(linkedConversation());
    if (queueTimer) clearInterval(queueTimer);
    queueTimer = setInterval(renderQueue, 1000);
  }

  session.wirePage({
    roles: ['AGENT', 'ADMIN'],
    show: function (signedIn) {
      $('console-view').hidden = !signedIn;
      $('who').hidden = !signedIn;
      if (!signedIn) stop();
    },
    load: start,
    status: status,
    // Saying so lets routing skip this agent at once instead of after the presence timeout.
    beforeSignOut: function () { return api('PUT', '/api/agent/presence', { status: 'offline' }); }
  });
}());
