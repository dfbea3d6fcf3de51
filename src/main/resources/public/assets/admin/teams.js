// Teams: the hierarchy, routes, members, opening hours and first-response targets, through /api/admin/teams with
// the staff pages' shared sign-in (session.js). Everything from the server is inserted with textContent.
import * as session from '/assets/session.js';

(function () {
  'use strict';

  const api = session.json;
  const $ = (id) => document.getElementById(id);
  const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
  let teams = [];
  let users = [];
  let selected = null;

  function status(text) { $('status').textContent = text || ''; }

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  function show(signedIn) {
    $('teams-view').hidden = !signedIn;
    $('logout').hidden = !signedIn;
  }

  function byId(id) { return teams.find((t) => t.id === id); }

  function children(parentId) {
    return teams.filter((t) => (t.parentId || null) === parentId).sort((a, b) => a.name.localeCompare(b.name));
  }

  function renderTree() {
    function branch(parentId) {
      const list = el('ul', null, 'tree');
      children(parentId).forEach((t) => {
        const li = el('li');
        const b = el('button', t.name + (t.archived ? ' (archived)' : ''), 'quiet');
        b.type = 'button';
        b.dataset.team = t.id;
        if (t.id === selected) { b.setAttribute('aria-current', 'true'); }
        b.addEventListener('click', () => select(t.id));
        const meta = el('span', ' ' + (t.members || []).length + ' people' + (t.openNow ? '' : ' · closed now'), 'hint');
        li.append(b, meta);
        if (children(t.id).length) { li.append(branch(t.id)); }
        list.append(li);
      });
      return list;
    }
    $('tree').replaceChildren(branch(null));
  }

  function parentOptions(select, exclude, current) {
    const none = el('option', '— none (top level) —');
    none.value = '';
    const opts = [none];
    teams.filter((t) => !t.archived && t.id !== exclude).forEach((t) => {
      const o = el('option', t.name);
      o.value = t.id;
      opts.push(o);
    });
    select.replaceChildren(...opts);
    select.value = current || '';
  }

  function renderWeek(team) {
    const rows = [$('week').rows[0]];
    const byDay = {};
    ((team.hours && team.hours.weekly) || []).forEach((o) => { if (!byDay[o.day]) { byDay[o.day] = o; } });
    DAYS.forEach((d) => {
      const tr = el('tr');
      const name = d.charAt(0) + d.slice(1).toLowerCase();
      const th = el('th', name);
      th.scope = 'row';
      const opens = el('input');
      opens.type = 'time';
      opens.id = 'opens-' + d;
      opens.setAttribute('aria-label', name + ' opens');
      opens.value = byDay[d] ? byDay[d].opens : '';
      const closes = el('input');
      closes.type = 'time';
      closes.id = 'closes-' + d;
      closes.setAttribute('aria-label', name + ' closes');
      closes.value = byDay[d] ? (byDay[d].closes === '24:00' ? '23:59' : byDay[d].closes) : '';
      const c1 = el('td');
      c1.append(opens);
      const c2 = el('td');
      c2.append(closes);
      tr.append(th, c1, c2);
      rows.push(tr);
    });
    $('week').replaceChildren(...rows);
  }

  function renderDetail() {
    const t = byId(selected);
    $('detail').hidden = !t;
    if (!t) { return; }
    $('detail-title').textContent = t.name + (t.archived ? ' (archived)' : '');
    $('detail-id').textContent = 'id ' + t.id;
    $('edit-name').value = t.name;
    parentOptions($('edit-parent'), t.id, t.parentId);
    $('edit-target').value = t.firstResponseTargetSeconds ? Math.round(t.firstResponseTargetSeconds / 60) : '';
    $('archive').textContent = t.archived ? 'Restore' : 'Archive';
    $('open-now').textContent = !t.hours ? 'Always open.'
      : (t.openNow ? 'Open now.' : 'Closed now' + (t.backAt ? '; back ' + new Date(t.backAt).toLocaleString() : '') + '.');
    $('hours-zone').value = t.hours ? t.hours.timeZone : '';
    $('hours-holidays').value = t.hours ? t.hours.holidays.join(', ') : '';
    renderWeek(t);
    $('routes').replaceChildren(...(t.routes || []).map((r) => {
      const li = el('li');
      li.append(el('span', r.kind + ': ' + r.key + ' '));
      const rm = el('button', 'Remove', 'quiet');
      rm.type = 'button';
      rm.setAttribute('aria-label', 'Remove route ' + r.kind + ' ' + r.key);
      rm.addEventListener('click', () => act(() => api('DELETE', '/api/admin/teams/' + enc(t.id) + '/routes/' + r.id), 'Route removed.'));
      li.append(rm);
      return li;
    }));
    if (!(t.routes || []).length) { $('routes').replaceChildren(el('li', 'No routes.', 'hint')); }
    $('members').replaceChildren(...(t.members || []).map((m) => {
      const li = el('li');
      li.append(el('span', m.displayName + ' (' + m.username + ') · ' + m.roles.join(', ').toLowerCase() + (m.disabled ? ' · disabled' : '') + ' '));
      const rm = el('button', 'Remove', 'quiet');
      rm.type = 'button';
      rm.setAttribute('aria-label', 'Remove ' + m.displayName + ' from the team');
      rm.addEventListener('click', () => act(() => api('DELETE', '/api/admin/teams/' + enc(t.id) + '/members/' + enc(m.id)),
        m.displayName + ' left ' + t.name + '.'));
      li.append(rm);
      return li;
    }));
    if (!(t.members || []).length) { $('members').replaceChildren(el('li', 'Nobody yet.', 'hint')); }
    const memberIds = new Set((t.members || []).map((m) => m.id));
    $('member-pick').replaceChildren(...users.filter((u) => !memberIds.has(u.id) && !u.disabled).map((u) => {
      const o = el('option', u.displayName + ' (' + u.username + ')');
      o.value = u.id;
      return o;
    }));
  }

  function enc(s) { return encodeURIComponent(s); }

  function select(id) {
    selected = id;
    renderTree();
    renderDetail();
  }

  async function load() {
    try {
      [teams, users] = await Promise.all([api('GET', '/api/admin/teams'), api('GET', '/api/admin/users')]);
    } catch (e) { status(e.message); return; }
    parentOptions($('new-parent'), null, '');
    renderTree();
    renderDetail();
  }

  // The page is drawn again before the outcome is shown, so what is on screen when it says "Saved." is what was saved.
  async function act(call, done) {
    try {
      await call();
      await load();
      status(done);
    } catch (e) { status(e.message); }
  }

  async function create(event) {
    event.preventDefault();
    const body = { name: $('new-name').value.trim() };
    if ($('new-parent').value) { body.parentId = $('new-parent').value; }
    try {
      const created = await api('POST', '/api/admin/teams', body);
      event.target.reset();
      selected = created.id;
      await load();
      status(created.name + ' created.');
    } catch (e) { status(e.message); }
  }

  function save(event) {
    event.preventDefault();
    const minutes = $('edit-target').value;
    const body = {
      name: $('edit-name').value.trim(),
      parentId: $('edit-parent').value || null,
      firstResponseTargetSeconds: minutes ? Math.round(Number(minutes) * 60) : null
    };
    act(() => api('PUT', '/api/admin/teams/' + enc(selected), body), 'Saved.');
  }

  function archive() {
    const t = byId(selected);
    if (!t.archived && !window.confirm('Archive ' + t.name + '? Its waiting and open conversations go to other teams.')) { return; }
    act(() => api('PUT', '/api/admin/teams/' + enc(selected), { archived: !t.archived }), t.archived ? 'Restored.' : 'Archived.');
  }

  function saveHours(event) {
    event.preventDefault();
    const weekly = [];
    DAYS.forEach((d) => {
      const opens = $('opens-' + d).value;
      const closes = $('closes-' + d).value;
      if (opens && closes) { weekly.push({ day: d, opens, closes: closes === '23:59' ? '24:00' : closes }); }
    });
    const holidays = $('hours-holidays').value.split(',').map((s) => s.trim()).filter(Boolean);
    act(() => api('PUT', '/api/admin/teams/' + enc(selected) + '/hours', { timeZone: $('hours-zone').value.trim(), weekly, holidays }),
      'Opening hours saved.');
  }

  function addRoute(event) {
    event.preventDefault();
    const body = { kind: $('route-kind').value, key: $('route-key').value.trim() };
    act(async () => { await api('POST', '/api/admin/teams/' + enc(selected) + '/routes', body); event.target.reset(); }, 'Route added.');
  }

  function addMember(event) {
    event.preventDefault();
    if (!$('member-pick').value) { return; }
    act(() => api('POST', '/api/admin/teams/' + enc(selected) + '/members', { agentId: $('member-pick').value }), 'Added.');
  }

  document.addEventListener('DOMContentLoaded', () => {
    if (typeof Intl.supportedValuesOf === 'function') {
      $('zones').replaceChildren(...Intl.supportedValuesOf('timeZone').map((z) => { const o = el('option'); o.value = z; return o; }));
    }
    $('create').addEventListener('submit', create);
    $('edit').addEventListener('submit', save);
    $('archive').addEventListener('click', archive);
    $('hours').addEventListener('submit', saveHours);
    $('always-open').addEventListener('click', () => act(() => api('DELETE', '/api/admin/teams/' + enc(selected) + '/hours'), 'Always open.'));
    $('add-route').addEventListener('submit', addRoute);
    $('add-member').addEventListener('submit', addMember);
    session.wirePage({ roles: ['ADMIN'], show, load, status });
  });
}());
