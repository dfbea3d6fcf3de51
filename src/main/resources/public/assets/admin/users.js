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

  const ROLE_NAMES = { AGENT: 'agent', SUPERVISOR: 'supervisor', ADMIN: 'admin' };
  let editing = null;

  function render(users) {
    const t = el('table', null, 'tasks');
    const head = el('tr');
    ['Name', 'User name', 'Roles', 'Teams', 'Capacity', 'Since', 'Status', ''].forEach((h) => head.append(el('th', h)));
    t.append(head);
    (users || []).forEach((u) => {
      const row = el('tr');
      row.dataset.user = u.username;
      const action = el('td');
      const edit = el('button', 'Edit', 'quiet');
      edit.type = 'button';
      edit.setAttribute('aria-label', 'Edit ' + u.displayName);
      edit.addEventListener('click', () => startEdit(u));
      action.append(edit);
      if (u.disabled) {
        const enable = el('button', 'Enable', 'quiet');
        enable.type = 'button';
        enable.addEventListener('click', () => change(u, { disabled: false }, u.displayName + ' can sign in again.'));
        action.append(enable);
      }
      if (!u.disabled && u.username !== session.user()) {
        const disable = el('button', 'Disable', 'quiet');
        disable.type = 'button';
        disable.addEventListener('click', () => disableUser(u));
        action.append(disable);
      }
      row.append(el('td', u.displayName), el('td', u.username), el('td', (u.roles || []).map((r) => ROLE_NAMES[r] || r).join(', ')),
        el('td', (u.teams || []).join(', ') || '–'), el('td', u.capacity === undefined || u.capacity === null ? 'default' : u.capacity),
        el('td', new Date(u.createdAt).toLocaleDateString()),
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

  function startEdit(u) {
    editing = u;
    $('edit-panel').hidden = false;
    $('edit-title').textContent = 'Edit ' + u.displayName;
    $('edit-display').value = u.displayName;
    document.querySelectorAll('input[name=edit-role]').forEach((c) => { c.checked = (u.roles || []).includes(c.value); });
    $('edit-teams').value = (u.teams || []).join(', ');
    $('edit-capacity').value = u.capacity === undefined || u.capacity === null ? '' : u.capacity;
    $('edit-disabled').checked = !!u.disabled;
    $('edit-display').focus();
  }

  async function change(user, body, done) {
    try {
      await api('PUT', '/api/admin/users/' + encodeURIComponent(user.id), body);
      status(done);
      load();
    } catch (e) { status(e.message); }
  }

  async function saveEdit(event) {
    event.preventDefault();
    const roles = Array.from(document.querySelectorAll('input[name=edit-role]:checked')).map((c) => c.value);
    if (!roles.length) { status('Choose at least one role.'); return; }
    const capacity = $('edit-capacity').value;
    await change(editing, {
      displayName: $('edit-display').value.trim(),
      roles,
      teams: $('edit-teams').value.split(',').map((s) => s.trim()).filter(Boolean),
      capacity: capacity === '' ? null : Number(capacity),
      disabled: $('edit-disabled').checked
    }, 'Saved ' + $('edit-display').value.trim() + '.');
    $('edit-panel').hidden = true;
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
    $('edit').addEventListener('submit', saveEdit);
    $('edit-cancel').addEventListener('click', () => { $('edit-panel').hidden = true; });
    session.wirePage({ roles: ['ADMIN'], show: showSignedIn, load, status });
  });
}());
