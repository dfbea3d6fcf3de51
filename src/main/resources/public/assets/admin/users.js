// People: the agents and admins who sign in, through /api/admin/users with the staff pages' shared sign-in
// (session.js). Everything from the server is inserted with textContent.
import * as session from '/assets/session.js';

(function () {
  'use strict';

  const api = session.json;
  const $ = (id) => document.getElementById(id);
  function status(text) { $('status').textContent = text || ''; }

  function showSignedIn(signedIn) {
    $('people').hidden = !signedIn;
    $('logout').hidden = !signedIn;
  }

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  const ROLE_NAMES = { AGENT: 'agent', ADMIN: 'admin' };

  function render(users) {
    const t = el('table', null, 'tasks');
    const head = el('tr');
    ['Name', 'User name', 'Roles', 'Teams', 'Since', 'Status', ''].forEach((h) => head.append(el('th', h)));
    t.append(head);
    (users || []).forEach((u) => {
      const row = el('tr');
      row.dataset.user = u.username;
      const action = el('td');
      if (!u.disabled && u.username !== session.user()) {
        const disable = el('button', 'Disable', 'quiet');
        disable.type = 'button';
        disable.addEventListener('click', () => disableUser(u));
        action.append(disable);
      }
      row.append(el('td', u.displayName), el('td', u.username), el('td', (u.roles || []).map((r) => ROLE_NAMES[r] || r).join(', ')),
        el('td', (u.teams || []).join(', ') || '–'), el('td', new Date(u.createdAt).toLocaleDateString()),
        el('td', u.disabled ? 'disabled' : 'active'), action);
      t.append(row);
    });
    $('users').replaceChildren(users && users.length ? t : el('p', 'Nobody yet.', 'hint'));
  }

  async function load() {
    try {
      render(await api('GET', '/api/admin/users'));
      const teams = await api('GET', '/api/agent/teams');
      $('known-teams').replaceChildren(...(teams || []).map((team) => { const o = el('option'); o.value = team; return o; }));
    } catch (e) { status(e.message); }
  }

  async function disableUser(user) {
    if (!window.confirm('Disable ' + user.displayName + '? They are signed out everywhere and cannot sign in again.')) { return; }
    try {
      await api('POST', '/api/admin/users/' + encodeURIComponent(user.id) + '/disable');
      status(user.displayName + ' is disabled.');
      load();
    } catch (e) { status(e.message); }
  }

  async function create(event) {
    event.preventDefault();
    const roles = Array.from(document.querySelectorAll('input[name=role]:checked')).map((c) => c.value);
    if (!roles.length) { status('Choose at least one role.'); return; }
    const body = {
      username: $('new-username').value.trim(),
      displayName: $('new-display').value.trim(),
      password: $('new-password').value,
      roles,
      teams: $('new-teams').value.split(',').map((s) => s.trim()).filter(Boolean)
    };
    try {
      const created = await api('POST', '/api/admin/users', body);
      event.target.reset();
      status(created.displayName + ' can now sign in as ' + created.username
        + (created.roles.includes('AGENT') ? ' at /agent/.' : '.'));
      load();
    } catch (e) { status(e.message); }
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('create').addEventListener('submit', create);
    session.wirePage({ roles: ['ADMIN'], show: showSignedIn, load, status });
  });
}());
