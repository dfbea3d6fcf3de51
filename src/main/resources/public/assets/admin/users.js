// People: the agents and admins who sign in. Uses the admin token the other admin pages keep for this tab
// (sessionStorage) and /api/admin/users. Everything from the server is inserted with textContent.
(function () {
  'use strict';

  const TOKEN_KEY = 'touchpoint.admin.token';
  const $ = (id) => document.getElementById(id);

  function token() { return sessionStorage.getItem(TOKEN_KEY); }
  function status(text) { $('status').textContent = text || ''; }

  function showSignedIn(signedIn) {
    $('login-panel').hidden = signedIn;
    $('people').hidden = !signedIn;
    $('logout').hidden = !signedIn;
  }

  async function api(method, path, body) {
    const response = await fetch(path, {
      method,
      headers: Object.assign({ 'Authorization': 'Bearer ' + token(), 'Accept': 'application/json' },
        body ? { 'Content-Type': 'application/json' } : {}),
      body: body ? JSON.stringify(body) : undefined
    });
    if (response.status === 401) {
      sessionStorage.removeItem(TOKEN_KEY);
      showSignedIn(false);
      throw new Error('Please sign in again.');
    }
    if (response.status === 403) { throw new Error('This page needs an admin account.'); }
    const data = (response.headers.get('content-type') || '').includes('json') ? await response.json() : null;
    if (!response.ok) { throw new Error((data && (data.field ? data.field + ': ' : '') + (data.detail || data.title)) || response.statusText); }
    return data;
  }

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  function signedInUser() {
    try {
      return JSON.parse(atob(token().split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).sub;
    } catch (e) { return null; }
  }

  const ROLE_NAMES = { AGENT: 'agent', ADMIN: 'admin' };

  function render(users) {
    const t = el('table', null, 'tasks');
    const head = el('tr');
    ['Name', 'User name', 'Roles', 'Teams', 'Since', 'Status', ''].forEach((h) => head.append(el('th', h)));
    t.append(head);
    users.forEach((u) => {
      const row = el('tr');
      row.dataset.user = u.username;
      const action = el('td');
      if (!u.disabled && u.username !== signedInUser()) {
        const disable = el('button', 'Disable', 'quiet');
        disable.type = 'button';
        disable.addEventListener('click', () => disableUser(u));
        action.append(disable);
      }
      row.append(el('td', u.displayName), el('td', u.username), el('td', u.roles.map((r) => ROLE_NAMES[r] || r).join(', ')),
        el('td', u.teams.join(', ') || '–'), el('td', new Date(u.createdAt).toLocaleDateString()),
        el('td', u.disabled ? 'disabled' : 'active'), action);
      t.append(row);
    });
    $('users').replaceChildren(users.length ? t : el('p', 'Nobody yet.', 'hint'));
  }

  async function load() {
    try {
      render(await api('GET', '/api/admin/users'));
      const teams = await api('GET', '/api/agent/teams');
      $('known-teams').replaceChildren(...teams.map((team) => { const o = el('option'); o.value = team; return o; }));
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

  async function login(event) {
    event.preventDefault();
    status('Signing in…');
    try {
      const response = await fetch('/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: JSON.stringify({ username: $('username').value, password: $('password').value })
      });
      if (!response.ok) { throw new Error('Sign-in failed: check the user name and password.'); }
      sessionStorage.setItem(TOKEN_KEY, (await response.json()).access_token);
      $('password').value = '';
      status('');
      showSignedIn(true);
      load();
    } catch (e) { status(e.message); }
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('login').addEventListener('submit', login);
    $('create').addEventListener('submit', create);
    $('logout').addEventListener('click', () => { sessionStorage.removeItem(TOKEN_KEY); showSignedIn(false); status('Signed out.'); });
    showSignedIn(!!token());
    if (token()) { load(); }
  });
}());
