// Analytics dashboard. Signs in through the staff pages' shared session (session.js) and reads
// /api/analytics/*. Everything from the server is inserted with textContent: customer text is never HTML here.
// Lists are read as (x || []): a list the server leaves out must show as empty, not stop the page.
import * as session from '/assets/session.js';

(function () {
  'use strict';

  const api = session.api;
  const $ = (id) => document.getElementById(id);
  const charts = {};

  function status(text) { $('status').textContent = text || ''; }

  function showSignedIn(signedIn) {
    $('filters').hidden = !signedIn;
    $('dashboard').hidden = !signedIn;
  }

  function range() {
    const q = new URLSearchParams();
    if ($('from').value) { q.set('from', $('from').value); }
    if ($('to').value) { q.set('to', $('to').value); }
    if ($('teams') && $('teams').value.trim()) { q.set('teams', $('teams').value.trim()); }
    // Narrows the summary and the CSV; the other views take no channel and ignore it.
    if ($('channel') && $('channel').value) { q.set('channel', $('channel').value); }
    return q.toString();
  }

  const pct = (v) => v === null || v === undefined ? '–' : (v * 100).toFixed(1) + '%';
  const num = (v, d) => v === null || v === undefined ? '–' : Number(v).toFixed(d === undefined ? 2 : d);
  const secs = (v) => {
    if (v === null || v === undefined) { return '–'; }
    if (v < 120) { return v.toFixed(1) + ' s'; }
    if (v < 7200) { return (v / 60).toFixed(1) + ' min'; }
    return (v / 3600).toFixed(1) + ' h';
  };
  const millis = (v) => {
    if (v === null || v === undefined) { return '–'; }
    return v < 1000 ? Math.round(v) + ' ms' : secs(v / 1000);
  };

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  function kpi(label, value, sub) {
    const box = el('div', null, 'kpi');
    box.append(el('p', label, 'label'), el('div', value, 'value'));
    if (sub) { box.append(el('p', sub, 'sub')); }
    return box;
  }

  function renderKpis(f, targets) {
    $('kpis').replaceChildren(
      kpi('First-response target breaches', targets ? targets.breached : '–',
        targets ? 'of ' + targets.measured + ' hand-offs to teams with a target' : ''),
      kpi('Conversations', f.conversations, f.engaged + ' with a customer message'),
      kpi('Containment', pct(f.containment), f.contained + ' handled without a person'),
      kpi('Escalation rate', pct(f.escalationRate), f.escalated + ' handed off'),
      kpi('First reply from a person (median)', secs(f.firstHumanResponseSeconds.median),
        'from the hand-off · p90 ' + secs(f.firstHumanResponseSeconds.p90) + ' · ' + f.firstHumanResponseSeconds.count + ' answered'),
      kpi('Bot reply time (median)', millis(f.botReplyMillis.median), 'p90 ' + millis(f.botReplyMillis.p90)),
      kpi('Resolution time (median)', secs(f.resolutionTime.median), 'p90 ' + secs(f.resolutionTime.p90)),
      kpi('CSAT', num(f.csat.average), pct(f.csat.share4to5) + ' rated 4–5 · ' + f.csat.responses + ' answers'),
      kpi('CES', num(f.ces.average), pct(f.ces.share5to7) + ' rated 5–7 · ' + f.ces.responses + ' answers'),
      kpi('NPS', num(f.nps.score, 1), f.nps.responses + ' answers')
    );
  }

  // label: how a group's key is shown (agents are grouped by id and shown by name).
  function table(target, groups, keyLabel, label) {
    const t = el('table');
    const head = el('tr');
    [keyLabel, 'Conversations', 'Containment', 'Escalation', 'Person reply median', 'Resolution median', 'Resolution p90', 'CSAT', 'CES', 'NPS']
      .forEach((h) => head.append(el('th', h)));
    t.append(head);
    (groups || []).forEach((g) => {
      const f = g.figures;
      const row = el('tr');
      [label ? label(g.key) : g.key, f.conversations, pct(f.containment), pct(f.escalationRate), secs(f.firstHumanResponseSeconds.median),
        secs(f.resolutionTime.median), secs(f.resolutionTime.p90), num(f.csat.average), num(f.ces.average), num(f.nps.score, 1)]
        .forEach((c) => row.append(el('td', c)));
      t.append(row);
    });
    $(target).replaceChildren(groups && groups.length ? t : el('p', 'No data in this range.', 'hint'));
  }

  function answersTable(rows) {
    const t = el('table');
    const head = el('tr');
    ['FAQ', 'Answers', 'Helpful', 'Not helpful'].forEach((h) => head.append(el('th', h)));
    t.append(head);
    (rows || []).forEach((r) => {
      const row = el('tr');
      [r.faqId, r.answers, r.helpful, r.notHelpful].forEach((c) => row.append(el('td', c)));
      t.append(row);
    });
    $('answers-by-faq').replaceChildren(rows && rows.length ? t : el('p', 'No answers in this range.', 'hint'));
  }

  function chart(id, config) {
    if (!window.Chart) { return; }
    // Respect the reader's "reduce motion" setting: the figures appear at once.
    if (window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches) {
      config.options = Object.assign({}, config.options, { animation: false });
    }
    if (charts[id]) { charts[id].destroy(); }
    charts[id] = new window.Chart($(id), config);
  }

  function renderCharts(days) {
    const byDay = days || [];
    const labels = byDay.map((g) => g.key);
    chart('chart-volume', {
      data: {
        labels,
        datasets: [
          { type: 'bar', label: 'Conversations', data: byDay.map((g) => g.figures.conversations), yAxisID: 'y', backgroundColor: '#9cc3ad' },
          { type: 'line', label: 'Containment %', data: byDay.map((g) => g.figures.containment === null ? null : g.figures.containment * 100),
            yAxisID: 'pct', borderColor: '#2f6b4f' }
        ]
      },
      options: { scales: { y: { beginAtZero: true }, pct: { position: 'right', min: 0, max: 100 } } }
    });
    chart('chart-scores', {
      type: 'line',
      data: {
        labels,
        datasets: [
          { label: 'CSAT (1–5)', data: byDay.map((g) => g.figures.csat.average), borderColor: '#2f6b4f', spanGaps: true },
          { label: 'CES (1–7)', data: byDay.map((g) => g.figures.ces.average), borderColor: '#c58b2b', spanGaps: true }
        ]
      },
      options: { scales: { y: { min: 1, max: 7 } } }
    });
  }

  function renderJourney(j) {
    $('journey-kpis').replaceChildren(
      kpi('Repeat contact rate (7 days)', pct(j.repeatRate), j.repeats + ' of ' + j.conversations + ' conversations · ' + j.contacts + ' contacts'),
      kpi('Back about the same FAQ (7 days)', pct(j.sameTopicRepeatRate), j.sameTopicRepeats + ' conversations'),
      kpi('After a fallback', j.afterFallback.total, j.afterFallback.left + ' left without help'),
      kpi('After a low score', j.afterLowScore.total, j.afterLowScore.left + ' did not come back')
    );
    const outcomes = [['handedOff', 'Hand-off', '#c58b2b'], ['answeredAfter', 'Asked again, answered', '#9cc3ad'],
      ['nextTouchpoint', 'Another touchpoint within 7 days', '#5b8fb9'], ['left', 'Left', '#b85c5c']];
    chart('chart-journey', {
      type: 'bar',
      data: {
        labels: ['After a fallback', 'After a low score'],
        datasets: outcomes.map(([key, label, color]) => ({ label, backgroundColor: color,
          data: [j.afterFallback[key], j.afterLowScore[key]] }))
      },
      options: { indexAxis: 'y', scales: { x: { stacked: true, beginAtZero: true }, y: { stacked: true } } }
    });
    const rows = j.scoresBySequence || [];
    const t = el('table');
    const head = el('tr');
    ['Touchpoints (last 7 days)', 'CSAT answers', 'CSAT'].forEach((h) => head.append(el('th', h)));
    t.append(head);
    rows.forEach((r) => {
      const row = el('tr');
      [r.sequence, r.answers, num(r.csatAverage)].forEach((c) => row.append(el('td', c)));
      t.append(row);
    });
    $('journey-sequences').replaceChildren(rows.length ? t : el('p', 'No CSAT answers from contacts in this range.', 'hint'));
  }

  function renderGaps(topics) {
    const list = $('gaps');
    if (!topics || !topics.length) { list.replaceChildren(el('li', 'No unanswered questions in this range.', 'hint')); return; }
    list.replaceChildren(...topics.map((t) => {
      const li = el('li');
      const reasons = Object.entries(t.reasons || {}).map(([k, v]) => k.replace('_', ' ') + ' ' + v).join(' · ');
      li.append(el('h3', t.topic + ' (' + t.count + ')'), el('p', reasons, 'hint'));
      const ul = el('ul');
      (t.examples || []).forEach((x) => ul.append(el('li', x)));
      li.append(ul);
      const create = el('a', 'Create FAQ from this');
      create.href = t.createFaq.link;
      const add = el('button', t.suggestedFaqId ? 'Add these phrasings to ' + t.suggestedFaqId : 'Add these phrasings to an FAQ…');
      add.type = 'button';
      add.addEventListener('click', () => addPhrasings(t));
      const notOurs = el('button', 'Not something we answer');
      notOurs.type = 'button';
      notOurs.className = 'not-ours';
      notOurs.addEventListener('click', () => markNotOurs(t, li));
      li.append(create, document.createTextNode(' '), add, document.createTextNode(' '), notOurs);
      return li;
    }));
  }

  async function addPhrasings(topic) {
    const faqId = window.prompt('Add these phrasings to which FAQ id?', topic.suggestedFaqId || '');
    if (!faqId) { return; }
    const body = Object.assign({}, topic.addPhrasings.body, { faqId: faqId.trim() });
    try {
      const r = await api(topic.addPhrasings.href, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const created = await r.json();
      status(created.length + ' phrasing(s) proposed for ' + faqId + '; approve them under phrasing proposals.');
    } catch (e) { status(e.message); }
  }

  // The topic's questions become the knowledge base's "not ours" examples: every instance's fallback learns them.
  async function markNotOurs(topic, li) {
    try {
      const r = await api(topic.notOurs.href, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(topic.notOurs.body) });
      const result = await r.json();
      const added = (result.added || []).length;
      li.querySelectorAll('button').forEach((b) => { b.disabled = true; });
      li.append(el('p', 'Marked as not ours: ' + added + ' question(s) added' + (result.skipped ? ', ' + result.skipped + ' already there' : '')
        + '. The bot now says it doesn’t know to questions like these.', 'done'));
      status('Not ours: ' + added + ' question(s) added to the knowledge base’s examples.');
    } catch (e) { status(e.message); }
  }

  function renderThemes(themes) {
    const list = $('themes');
    if (!themes || !themes.length) { list.replaceChildren(el('li', 'No survey comments in this range.', 'hint')); return; }
    list.replaceChildren(...themes.map((t) => {
      const li = el('li');
      const scores = Object.entries(t.averageScores || {}).map(([k, v]) => k + ' ' + v).join(' · ');
      li.append(el('h3', t.theme + ' (' + t.count + ')'),
        el('p', t.sentimentLabel + ' (' + t.sentiment + ')' + (scores ? ' · ' + scores : ''), t.sentimentLabel));
      const ul = el('ul');
      (t.examples || []).forEach((x) => ul.append(el('li', x)));
      li.append(ul);
      return li;
    }));
  }

  function renderProposals(proposals) {
    const list = $('proposals');
    if (!proposals || !proposals.length) { list.replaceChildren(el('li', 'Nothing waiting for a decision.', 'hint')); return; }
    list.replaceChildren(...proposals.map((p) => {
      const li = el('li');
      li.append(el('h3', '“' + p.text + '” → ' + p.faqId),
        el('p', 'from ' + (p.source === 'agent' ? 'an agent’s FAQ answer' : 'a knowledge gap') + ' · ' + p.createdAt.slice(0, 10), 'hint'));
      ['approve', 'reject'].forEach((action) => {
        const button = el('button', action === 'approve' ? 'Approve' : 'Reject');
        button.type = 'button';
        button.addEventListener('click', async () => {
          try {
            await api('/api/admin/phrasing-proposals/' + p.id + '/' + action, { method: 'POST' });
            li.remove();
            status('Phrasing ' + (action === 'approve' ? 'approved' : 'rejected') + '.');
          } catch (e) { status(e.message); }
        });
        li.append(button, document.createTextNode(' '));
      });
      return li;
    }));
  }

  async function loadFollowUps() {
    const tasks = ((await (await api('/api/recovery/tasks')).json()) || []).filter((t) => t.status !== 'done');
    if (!tasks.length) { $('followups').replaceChildren(el('p', 'Nothing to follow up.', 'hint')); return; }
    const t = el('table', null, 'tasks');
    const head = el('tr');
    ['Opened', 'Why', 'Status', 'Who', 'Messaged', 'Conversation', ''].forEach((h) => head.append(el('th', h)));
    t.append(head);
    tasks.forEach((task) => {
      const row = el('tr');
      row.dataset.task = String(task.id);
      const open = el('a', 'Open in the agent console');
      open.href = task.link;
      open.target = '_blank';
      open.rel = 'noopener';
      const openCell = el('td');
      openCell.append(open);
      const actions = el('td');
      const me = session.user();
      if (task.status === 'open' || task.assignee !== me) {
        actions.append(taskButton('Take', task, { status: 'in_progress', assignee: me }), document.createTextNode(' '));
      }
      actions.append(taskButton('Done', task, { status: 'done', assignee: task.assignee || me }), document.createTextNode(' '));
      const messaged = (task.followUps || []).length
        ? (task.followUps.length + ' · last ' + new Date(task.followedUpAt).toLocaleString()) : '–';
      const composer = el('tr', null, 'follow-up-composer');
      composer.hidden = true;
      actions.append(messageButton(task, composer));
      row.append(el('td', new Date(task.createdAt).toLocaleString()), el('td', task.reason, 'why'),
        el('td', task.status.replace(/_/g, ' ')), el('td', task.assignee || '–'), el('td', messaged), openCell, actions);
      t.append(row, composer);
    });
    $('followups').replaceChildren(t);
  }

  // The follow-up leaves through the conversation's own channel: the draft says which, and greets the customer by name when known.
  function messageButton(task, composer) {
    const button = el('button', 'Message customer', 'quiet');
    button.type = 'button';
    button.addEventListener('click', async () => {
      if (!composer.hidden) { composer.hidden = true; return; }
      try {
        const draft = await (await api('/api/recovery/tasks/' + task.id + '/follow-up')).json();
        const cell = el('td');
        cell.colSpan = 7;
        const via = draft.deliveredVia || draft.channelType;
        const route = el('p', 'Goes ' + (via === 'email' ? 'by email' + (draft.maskedAddress ? ' to ' + draft.maskedAddress : '')
          : via === 'web' ? 'in the chat widget, seen when the customer comes back' : 'through the ' + via + ' channel') + '.'
          + (draft.routeNote ? ' ' + draft.routeNote : ''), 'route');
        const label = el('label', 'Follow-up to the customer (sent by ' + via + ')');
        const text = el('textarea');
        text.name = 'follow-up-text';
        text.rows = 6;
        text.cols = 70;
        text.maxLength = 4000;
        text.value = draft.text;
        label.append(el('br'), text);
        const send = el('button', 'Send follow-up');
        send.type = 'button';
        send.addEventListener('click', async () => {
          if (!text.value.trim()) { status('Write a message first.'); text.focus(); return; }
          send.disabled = true;
          try {
            await api('/api/recovery/tasks/' + task.id + '/follow-up', {
              method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: text.value })
            });
            status('Follow-up sent by ' + via + '.');
            await loadFollowUps();
          } catch (e) { send.disabled = false; status(e.message); }
        });
        const cancel = el('button', 'Cancel', 'quiet');
        cancel.type = 'button';
        cancel.addEventListener('click', () => { composer.hidden = true; });
        cell.append(route, label, el('br'), send, document.createTextNode(' '), cancel);
        composer.replaceChildren(cell);
        composer.hidden = false;
        text.focus();
      } catch (e) { status(e.message); }
    });
    return button;
  }

  function taskButton(label, task, body) {
    const button = el('button', label, 'quiet');
    button.type = 'button';
    button.addEventListener('click', async () => {
      try {
        await api('/api/recovery/tasks/' + task.id, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
        status(label === 'Done' ? 'Follow-up marked done.' : 'Follow-up taken.');
        await loadFollowUps();
      } catch (e) { status(e.message); }
    });
    return button;
  }

  async function load() {
    status('Loading…');
    try {
      const q = range();
      const summary = await (await api('/api/analytics/summary?' + q)).json();
      $('from').value = summary.from;
      $('to').value = summary.to;
      renderKpis(summary.overall, summary.responseTargets);
      renderCharts(summary.byDay);
      const people = await session.json('GET', '/api/admin/users');
      const names = new Map((people || []).map((u) => [u.id, u.displayName]));
      table('by-agent', summary.byAgent, 'Agent', (id) => names.get(id) || id || '–');
      table('by-team', summary.byTeam, 'Team');
      table('by-touchpoint', summary.byTouchpoint, 'Touchpoint');
      table('by-channel', summary.byChannel, 'Channel');
      table('by-faq', summary.byFaq, 'FAQ');
      answersTable(summary.answersByFaq);
      renderJourney(await (await api('/api/analytics/journey?' + q)).json());
      await loadFollowUps();
      status('');
      // The clustered views embed text on the server and may take a moment the first time.
      renderGaps(await (await api('/api/analytics/knowledge-gaps?' + q)).json());
      renderThemes(await (await api('/api/analytics/feedback-themes?' + q)).json());
      renderProposals(await (await api('/api/admin/phrasing-proposals?status=proposed')).json());
    } catch (e) {
      status(e.message);
      // A refused call is the reader's business; anything else is a fault in this page, for the console too.
      if (!(e instanceof session.ApiError)) { console.error(e); }
    }
  }

  async function exportCsv() {
    try {
      const response = await api('/api/analytics/export.csv?' + range(), { headers: { 'Accept': 'text/csv' } });
      const blob = await response.blob();
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = 'touchpoint-analytics.csv';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    } catch (e) { status(e.message); }
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('filters').addEventListener('submit', (e) => { e.preventDefault(); load(); });
    $('export').addEventListener('click', exportCsv);
    session.wirePage({ roles: ['ADMIN'], show: showSignedIn, load, status });
  });
}());
