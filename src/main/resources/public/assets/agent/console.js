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
      // The wait counts up between queue loads, so the target is compared here and not only by the server.
      const waited = (Date.now() - Date.parse(w.requestedAt)) / 1000;
      const over = w.targetSeconds && waited > w.targetSeconds;
      if (over) li.classList.add('over-target');
      meta.textContent = 'waiting ' + ago(w.requestedAt)
        + (w.targetSeconds ? ' of ' + Math.round(w.targetSeconds / 60) + ' min target' + (over ? ' — over target' : '') : '')
        + ' · ' + String(w.reason).replace(/_/g, ' ')
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

  async function loadFollowUps(force) {
    // The periodic refresh redraws the list; it waits while an agent is writing a follow-up in it.
    if (!force && $('followups').querySelector('.follow-up-composer')) return;
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
    actions.appendChild(sendFollowUpButton(t, li));
    li.append(reason, meta, actions);
    if ((t.followUps || []).length) li.appendChild(sentFollowUps(t.followUps));
    li.addEventListener('click', function () { openConversation(t.conversationId); });
    li.addEventListener('keydown', function (e) { if (e.key === 'Enter' && e.target === li) openConversation(t.conversationId); });
    return li;
  }

  // Where a follow-up goes: the conversation's channel, or by email when a widget customer's address is known.
  function routeText(deliveredVia, maskedAddress) {
    if (deliveredVia === 'email') return 'by email' + (maskedAddress ? ' to ' + maskedAddress : '');
    if (deliveredVia === 'web') return 'in the chat widget, seen when the customer comes back';
    return 'through the conversation\'s ' + deliveredVia + ' channel';
  }

  function sentFollowUps(followUps) {
    const list = document.createElement('ul');
    list.className = 'sent-follow-ups';
    followUps.forEach(function (f) {
      const item = document.createElement('li');
      const head = document.createElement('div');
      head.className = 'muted';
      head.textContent = 'Sent ' + ago(f.sentAt) + ' ago by ' + (f.agentName || f.agentId)
        + (f.deliveredVia ? ', ' + routeText(f.deliveredVia, f.maskedAddress) : '');
      const text = document.createElement('div');
      text.className = 'sent-text';
      text.textContent = f.text;
      item.append(head, text);
      list.appendChild(item);
    });
    return list;
  }

  // Loads the draft into the task: the route it will take, the text to edit, Send and Cancel.
  function sendFollowUpButton(task, li) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = 'Send follow-up';
    b.addEventListener('click', async function (e) {
      e.stopPropagation();
      const open = li.querySelector('.follow-up-composer');
      if (open) { open.remove(); return; }
      let draft;
      try { draft = await api('GET', '/api/recovery/tasks/' + task.id + '/follow-up'); } catch (err) { status(err.message); return; }
      const box = document.createElement('div');
      box.className = 'follow-up-composer';
      box.addEventListener('click', function (ev) { ev.stopPropagation(); });
      const route = document.createElement('p');
      route.className = 'route';
      route.textContent = 'Goes ' + routeText(draft.deliveredVia, draft.maskedAddress) + '.'
        + (draft.routeNote ? ' ' + draft.routeNote : '');
      const id = 'follow-up-text-' + task.id;
      const label = document.createElement('label');
      label.htmlFor = id;
      label.textContent = 'Follow-up to the customer';
      const text = document.createElement('textarea');
      text.id = id;
      text.name = 'follow-up-text';
      text.rows = 7;
      text.maxLength = 4000;
      text.value = draft.text;
      const send = document.createElement('button');
      send.type = 'button';
      send.textContent = 'Send';
      send.addEventListener('click', async function () {
        if (!text.value.trim()) { status('Write a message first.'); text.focus(); return; }
        send.disabled = true;
        try {
          const sent = await api('POST', '/api/recovery/tasks/' + task.id + '/follow-up', { text: text.value });
          const last = (sent.followUps || [])[sent.followUps.length - 1];
          status('Follow-up sent ' + routeText(last ? last.deliveredVia : draft.deliveredVia, last ? last.maskedAddress : draft.maskedAddress) + '.');
          loadFollowUps(true);
        } catch (err) { send.disabled = false; status(err.message); }
      });
      const cancel = document.createElement('button');
      cancel.type = 'button';
      cancel.textContent = 'Cancel';
      cancel.addEventListener('click', function () { box.remove(); b.focus(); });
      const buttons = document.createElement('div');
      buttons.className = 'task-actions';
      buttons.append(send, cancel);
      box.append(route, label, text, buttons);
      li.appendChild(box);
      text.focus();
    });
    return b;
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
        loadFollowUps(true);
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
    renderLabels([]);
    showTyping(false);
    loadCanned(id);
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
    let journey;
    try { journey = await api('GET', '/api/contacts/' + encodeURIComponent(c.id) + '/journey'); } catch (e) { return; }
    if (current !== id) return;
    fillList('customer-journey', (journey.steps || []).map(function (s) {
      return li(new Date(s.at).toLocaleString() + ' · ' + s.channel + ' · ' + s.touchpoint + ' · ' + s.type.replace(/_/g, ' ')
        + (s.detail ? ' · ' + s.detail : ''));
    }), 'Nothing yet');
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
    if (m.type === 'LABELS_CHANGED') renderLabels(m.data && m.data.labels);
    const item = document.createElement('li');
    item.className = m.author + (m.kind === 'note' ? ' note' : '');
    const who = document.createElement('span');
    who.className = 'who';
    who.textContent = m.author === 'agent' && m.data && m.data.agentName ? m.data.agentName : NAMES[m.author] || '';
    if (m.kind === 'attachment' && m.data && m.data.attachmentId) {
      item.append(who, attachmentView(m));
    } else if (m.html) {
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
    if (m.author === 'customer') showTyping(false);
  }

  // ---- files: fetched with the agent's token (an <img src> could not send it) and shown from memory ----
  function attachmentPath(m) {
    return '/api/conversations/' + encodeURIComponent(m.conversationId) + '/attachments/' + encodeURIComponent(m.data.attachmentId);
  }

  function attachmentView(m) {
    const box = document.createElement('span');
    const name = m.data.filename || 'file';
    if (/^image\//.test(m.data.contentType)) {
      const img = document.createElement('img');
      img.className = 'attachment';
      img.alt = (m.author === 'customer' ? 'Photo from the customer: ' : 'Photo sent: ') + name;
      box.append(document.createTextNode(name));
      session.api(attachmentPath(m)).then(function (r) { return r.blob(); }).then(function (blob) {
        const reader = new FileReader();
        reader.onload = function () { img.src = reader.result; box.append(img); };
        reader.readAsDataURL(blob);
      }).catch(function (e) { status(e.message); });
    } else {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = 'Download ' + name;
      b.addEventListener('click', async function () {
        try {
          const blob = await (await session.api(attachmentPath(m))).blob();
          const a = document.createElement('a');
          a.href = URL.createObjectURL(blob);
          a.download = name;
          a.click();
          setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
        } catch (e) { status(e.message); }
      });
      box.append(b);
    }
    return box;
  }

  $('agent-file').addEventListener('change', async function () {
    const file = $('agent-file').files[0];
    if (!file || !current) return;
    const form = new FormData();
    form.append('file', file);
    try {
      await session.api('/api/agent/conversations/' + encodeURIComponent(current) + '/attachments', { method: 'POST', body: form });
      status('Sent ' + file.name + '.');
    } catch (e) { status(e.message); }
    $('agent-file').value = '';
  });

  // ---- labels: the transcript's last LABELS_CHANGED says which the conversation has ----
  let labels = [];
  function renderLabels(list) {
    labels = list || [];
    const box = $('labels');
    box.replaceChildren.apply(box, labels.map(function (label) {
      const item = document.createElement('li');
      const text = document.createElement('span');
      text.textContent = label;
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = '×';
      remove.setAttribute('aria-label', 'Remove label ' + label);
      remove.addEventListener('click', function () { changeLabels({ remove: [label] }); });
      item.append(text, remove);
      return item;
    }));
  }
  async function changeLabels(change) {
    if (!current) return;
    try {
      const r = await api('POST', '/api/agent/conversations/' + encodeURIComponent(current) + '/labels', change);
      renderLabels(r.labels);
      loadLabels();
    } catch (e) { status(e.message); }
  }
  $('label-form').addEventListener('submit', function (e) {
    e.preventDefault();
    const label = $('label-new').value.trim();
    if (!label) return;
    $('label-new').value = '';
    changeLabels({ add: [label] });
  });
  async function loadLabels() {
    try {
      const known = await api('GET', '/api/agent/labels');
      $('known-labels').replaceChildren.apply($('known-labels'), known.map(function (l) { return new Option(l, l); }));
    } catch (e) { status(e.message); }
  }

  // ---- private notes ----
  $('note-form').addEventListener('submit', async function (e) {
    e.preventDefault();
    const text = $('note-text').value.trim();
    if (!text || !current) return;
    try {
      await api('POST', '/api/agent/conversations/' + encodeURIComponent(current) + '/notes', { text: text });
      $('note-text').value = '';
      status('Note added; the customer does not see it.');
    } catch (err) { status(err.message); }
  });

  // ---- search ----
  let searchPage = 0;
  async function runSearch(page) {
    const q = new URLSearchParams();
    [['text', 'search-text'], ['label', 'search-label'], ['state', 'search-state'], ['team', 'search-team'], ['from', 'search-from']]
      .forEach(function (pair) { const v = $(pair[1]).value.trim(); if (v) q.set(pair[0], v); });
    q.set('page', String(page));
    let result;
    try { result = await api('GET', '/api/agent/search?' + q.toString()); } catch (e) { status(e.message); return; }
    searchPage = page;
    const list = $('search-results');
    if (page === 0) list.replaceChildren();
    result.conversations.forEach(function (hit) {
      const item = document.createElement('li');
      item.tabIndex = 0;
      const title = document.createElement('strong');
      title.textContent = hit.state.replace(/_/g, ' ').toLowerCase() + ' · ' + (hit.team || 'no team') + ' · ' + hit.touchpoint;
      const meta = document.createElement('div');
      meta.className = 'muted';
      meta.textContent = new Date(hit.updatedAt).toLocaleString() + (hit.labels.length ? ' · ' + hit.labels.join(', ') : '');
      item.append(title, meta);
      item.addEventListener('click', function () { openConversation(hit.conversationId); });
      item.addEventListener('keydown', function (e) { if (e.key === 'Enter') openConversation(hit.conversationId); });
      list.appendChild(item);
    });
    const shown = list.children.length;
    $('search-summary').textContent = result.total === 0 ? 'Nothing found.' : shown + ' of ' + result.total + ' conversations';
    $('search-more').hidden = shown >= result.total;
  }
  $('search-form').addEventListener('submit', function (e) { e.preventDefault(); runSearch(0); });
  $('search-more').addEventListener('click', function () { runSearch(searchPage + 1); });

  // ---- typing, both ways: said at most every 2 s, shown for 4 s after the last ----
  let typingTimer = null;
  let lastTypingSent = 0;
  function showTyping(on) {
    clearTimeout(typingTimer);
    $('typing').hidden = !on;
    if (on) typingTimer = setTimeout(function () { $('typing').hidden = true; }, 4000);
  }
  $('reply-text').addEventListener('input', function () {
    const now = Date.now();
    if (current && socket && socket.readyState === WebSocket.OPEN && now - lastTypingSent > 2000 && !$('reply-text').value.startsWith('/')) {
      lastTypingSent = now;
      socket.send(JSON.stringify({ typing: current }));
    }
    suggestCanned();
  });

  // ---- canned replies: "/refund" offers the matching ones; Enter or a click puts the text in the box ----
  let canned = [];
  async function loadCanned(id) {
    try { canned = await api('GET', '/api/agent/conversations/' + encodeURIComponent(id) + '/canned-replies'); } catch (e) { canned = []; }
  }
  function cannedMatches() {
    const m = /^\/([\w-]*)$/.exec($('reply-text').value.trim());
    if (!m) return [];
    return canned.filter(function (c) { return c.shortcut.startsWith(m[1].toLowerCase()); });
  }
  function useCanned(c) {
    $('reply-text').value = c.text;
    $('canned-suggestions').hidden = true;
    $('reply-text').focus();
  }
  function suggestCanned() {
    const matches = cannedMatches();
    const box = $('canned-suggestions');
    box.hidden = matches.length === 0;
    box.replaceChildren.apply(box, matches.map(function (c) {
      const item = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = '/' + c.shortcut + ' — ' + c.title;
      b.addEventListener('click', function () { useCanned(c); });
      item.appendChild(b);
      return item;
    }));
  }
  // As in the widget: Enter sends, Shift+Enter starts a new line; on a "/shortcut" Enter takes the canned reply.
  $('reply-text').addEventListener('keydown', function (e) {
    if (e.key !== 'Enter' || e.shiftKey || e.isComposing) return;
    e.preventDefault();
    const matches = cannedMatches();
    if (matches.length) { useCanned(matches[0]); return; }
    $('reply-form').requestSubmit();
  });

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
      // The reply cites the inserted FAQ while its answer is still in it: the question is then learned as its phrasing.
      const cites = cited && text.indexOf(cited.text.trim()) >= 0 ? cited.id : undefined;
      await api('POST', '/api/agent/conversations/' + encodeURIComponent(current) + '/messages',
        { text: text, clientMessageId: unconfirmed.id, faqId: cites });
      unconfirmed = null;
      cited = null;
      $('reply-text').value = '';
      $('canned-suggestions').hidden = true;
    } catch (err) { status(err.message); }
  });

  // ---- FAQ answers to insert, and teams to transfer to ----
  let faqs = [];
  let cited = null;
  async function loadLists() {
    try {
      faqs = await api('GET', '/api/agent/faqs');
      const pick = $('faq-pick');
      pick.replaceChildren(new Option('—', ''));
      faqs.forEach(function (f, i) { pick.appendChild(new Option(f.title, String(i))); });
      const teams = await api('GET', '/api/agent/teams');
      $('transfer-team').replaceChildren.apply($('transfer-team'), teams.map(function (t) { return new Option(t, t); }));
      $('search-team').replaceChildren.apply($('search-team'), [new Option('Any', '')].concat(teams.map(function (t) { return new Option(t, t); })));
      loadLabels();
    } catch (e) { status(e.message); }
  }
  $('faq-pick').addEventListener('change', function () {
    const f = faqs[Number($('faq-pick').value)];
    if (f) {
      const box = $('reply-text');
      box.value = (box.value ? box.value + '\n\n' : '') + f.text;
      cited = f;
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
      if (m.type === 'typing') {
        if (m.conversationId === current && m.author === 'customer') showTyping(true);
      } else if (m.type === 'queue' || m.type === 'assigned') {
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
