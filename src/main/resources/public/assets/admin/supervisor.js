// Supervision: the queues, live conversations and agents' load of the signed-in supervisor's teams and sub-teams
// (an admin sees every team), through /api/supervisor with the staff pages' shared sign-in (session.js). The
// server decides which teams a supervisor sees. Everything from the server is inserted with textContent.
import * as session from '/assets/session.js';

(function () {
  'use strict';

  const api = session.json;
  const $ = (id) => document.getElementById(id);
  const REFRESH_MS = 5000;
  let timer = null;
  let overview = null;
  let allTeams = [];

  function status(text) { $('status').textContent = text || ''; }

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  function show(signedIn) {
    $('supervision').hidden = !signedIn;
    $('logout').hidden = !signedIn;
    if (!signedIn && timer) { clearInterval(timer); timer = null; }
  }

  function duration(seconds) {
    const s = Math.max(0, Math.round(seconds));
    return s < 60 ? s + ' s' : Math.floor(s / 60) + ' min ' + (s % 60) + ' s';
  }

  function teamName(id) {
    const t = (overview.teams || []).find((x) => x.id === id) || allTeams.find((x) => x.id === id);
    return t ? t.name : id;
  }

  function table(headers, rows) {
    const t = el('table', null, 'tasks');
    const head = el('tr');
    headers.forEach((h) => { const th = el('th', h); th.scope = 'col'; head.append(th); });
    t.append(head);
    rows.forEach((r) => t.append(r));
    return t;
  }

  /** Team and agent pickers and a Move button for one conversation. */
  function reassignControls(conversationId, currentTeam) {
    const td = el('td');
    const team = el('select');
    team.setAttribute('aria-label', 'Move to team');
    allTeams.forEach((t) => { const o = el('option', t.name); o.value = t.id; team.append(o); });
    team.value = currentTeam;
    const agent = el('select');
    agent.setAttribute('aria-label', 'Move to agent');
    function fillAgents() {
      const any = el('option', 'next free agent');
      any.value = '';
      agent.replaceChildren(any, ...(overview.agents || []).filter((a) => a.teams.includes(team.value)).map((a) => {
        const o = el('option', a.displayName + ' (' + a.active + '/' + a.capacity + ')');
        o.value = a.id;
        return o;
      }));
    }
    team.addEventListener('change', fillAgents);
    fillAgents();
    const move = el('button', 'Move');
    move.type = 'button';
    move.dataset.reassign = conversationId;
    move.addEventListener('click', async () => {
      const body = { team: team.value };
      if (agent.value) { body.agentId = agent.value; }
      try {
        await api('POST', '/api/supervisor/conversations/' + encodeURIComponent(conversationId) + '/reassign', body);
        status('Moved to ' + teamName(team.value) + (agent.value ? ', ' + agent.options[agent.selectedIndex].text : '') + '.');
        refresh();
      } catch (e) { status(e.message); }
    });
    td.append(team, agent, move);
    return td;
  }

  function render() {
    const breached = overview.breached || 0;
    const kpi = (value, label) => { const d = el('div', null, 'kpi'); d.append(el('div', value, 'value'), el('div', label, 'label')); return d; };
    $('kpis').replaceChildren(kpi((overview.waiting || []).length, 'waiting'), kpi(breached, 'over target'),
      kpi((overview.live || []).length, 'with agents'),
      kpi((overview.agents || []).filter((a) => a.presence === 'online').length, 'agents online'));

    const waiting = (overview.waiting || []).map((w) => {
      const tr = el('tr');
      tr.dataset.conversation = w.conversationId;
      if (w.breached) { tr.classList.add('over-target'); }
      tr.append(el('td', teamName(w.team)), el('td', '#' + w.position + ' · ' + w.touchpoint + (w.offline ? ' · offline message' : '')),
        el('td', duration(w.waitingSeconds) + (w.targetSeconds ? ' / target ' + duration(w.targetSeconds) : '')
          + (w.breached ? ' — over target' : '')),
        reassignControls(w.conversationId, w.team));
      return tr;
    });
    $('waiting').replaceChildren(waiting.length ? table(['Team', 'Conversation', 'Waiting', 'Move'], waiting) : el('p', 'Nobody is waiting.', 'hint'));

    const live = (overview.live || []).map((l) => {
      const tr = el('tr');
      tr.dataset.conversation = l.conversationId;
      const open = el('a', 'Open');
      open.href = '/agent/#conversation=' + encodeURIComponent(l.conversationId);
      const link = el('td');
      link.append(open);
      tr.append(el('td', teamName(l.team)), el('td', l.agentName), el('td', l.assignedAt ? new Date(l.assignedAt).toLocaleTimeString() : '–'),
        link, reassignControls(l.conversationId, l.team));
      return tr;
    });
    $('live').replaceChildren(live.length ? table(['Team', 'Agent', 'Since', 'Console', 'Move'], live) : el('p', 'No live conversations.', 'hint'));

    const agents = (overview.agents || []).map((a) => {
      const tr = el('tr');
      tr.dataset.agent = a.id;
      tr.append(el('td', a.displayName), el('td', a.teams.map(teamName).join(', ')), el('td', a.presence),
        el('td', a.active + ' of ' + a.capacity));
      return tr;
    });
    $('agents').replaceChildren(agents.length ? table(['Agent', 'Teams', 'Status', 'Load'], agents) : el('p', 'No agents in these teams.', 'hint'));
  }

  /** The dashboard's figures for the last days, narrowed by the server to the supervisor's teams. */
  async function figures() {
    const team = $('team-filter').value;
    try {
      const s = await api('GET', '/api/analytics/summary' + (team ? '?teams=' + encodeURIComponent(team) : ''));
      const f = s.overall;
      const median = f.firstHumanResponseSeconds.median;
      $('figures').textContent = s.from + ' to ' + s.to + ': ' + f.conversations + ' conversations, ' + f.escalated + ' handed off, '
        + 'first reply from a person ' + (median === null || median === undefined ? '–' : duration(median)) + ' (median), '
        + s.responseTargets.breached + ' of ' + s.responseTargets.measured + ' over their team\'s first-response target.';
    } catch (e) { $('figures').textContent = ''; }
  }

  async function refresh() {
    const team = $('team-filter').value;
    try {
      overview = await api('GET', '/api/supervisor/overview' + (team ? '?team=' + encodeURIComponent(team) : ''));
    } catch (e) { status(e.message); return; }
    render();
  }

  async function load() {
    try {
      const all = await api('GET', '/api/agent/teams');
      overview = await api('GET', '/api/supervisor/overview');
      allTeams = (all || []).map((id) => ({ id, name: ((overview.teams || []).find((t) => t.id === id) || { name: id }).name }));
    } catch (e) { status(e.message); return; }
    const any = el('option', 'All my teams');
    any.value = '';
    $('team-filter').replaceChildren(any, ...(overview.teams || []).map((t) => { const o = el('option', t.name); o.value = t.id; return o; }));
    render();
    figures();
    if (timer) { clearInterval(timer); }
    timer = setInterval(refresh, REFRESH_MS);
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('filters').addEventListener('submit', (e) => { e.preventDefault(); refresh(); figures(); });
    session.wirePage({ roles: ['SUPERVISOR', 'ADMIN'], show, load, status });
  });
}());
