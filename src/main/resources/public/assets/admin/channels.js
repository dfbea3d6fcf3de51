// Channels: where conversations arrive from, through /api/admin/channels with the staff pages' shared sign-in
// (session.js). Everything from the server is inserted with textContent; secrets appear once, right after creation.
import * as session from '/assets/session.js';

(function () {
  'use strict';

  const api = session.json;
  const $ = (id) => document.getElementById(id);
  function status(text) { $('status').textContent = text || ''; }

  function showSignedIn(signedIn) {
    $('channels-view').hidden = !signedIn;
    $('logout').hidden = !signedIn;
  }

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  function describe(obj) {
    const parts = Object.entries(obj || {}).map(([k, v]) => k + ': ' + v);
    return parts.length ? parts.join(', ') : '–';
  }

  function render(channels) {
    const t = el('table', null, 'tasks');
    const head = el('tr');
    ['Name', 'Type', 'Settings', 'Secrets', 'Status', ''].forEach((h) => head.append(el('th', h)));
    t.append(head);
    (channels || []).forEach((c) => {
      const row = el('tr');
      row.dataset.channel = c.id;
      const secrets = Object.entries(c.secrets || {}).map(([k, set]) => k + (set ? ' (set)' : ' (not set)')).join(', ') || '–';
      const action = el('td');
      if (c.type !== 'web') {
        const log = el('button', 'Deliveries', 'quiet');
        log.type = 'button';
        log.addEventListener('click', () => showLog(c));
        action.append(log);
        const toggle = el('button', c.enabled ? 'Disable' : 'Enable', 'quiet');
        toggle.type = 'button';
        toggle.addEventListener('click', () => setEnabled(c, !c.enabled));
        action.append(toggle);
      }
      row.append(el('td', c.name), el('td', c.type), el('td', describe(c.settings)), el('td', secrets),
        el('td', c.enabled ? 'enabled' : 'disabled'), action);
      t.append(row);
    });
    $('channels').replaceChildren(t);
  }

  async function load() {
    try {
      render(await api('GET', '/api/admin/channels'));
      const types = await api('GET', '/api/admin/channels/types');
      $('new-type').replaceChildren(...(types || []).map((type) => { const o = el('option', type); o.value = type; return o; }));
    } catch (e) { status(e.message); }
  }

  async function showLog(channel) {
    try {
      const entries = await api('GET', '/api/admin/channels/' + encodeURIComponent(channel.id) + '/deliveries?limit=100');
      $('log-title').textContent = 'Deliveries of ' + channel.name;
      const t = el('table', null, 'tasks');
      const head = el('tr');
      ['Id', 'Type', 'Conversation', 'Status', 'Attempts', 'When', 'Last error', ''].forEach((h) => head.append(el('th', h)));
      t.append(head);
      (entries || []).forEach((d) => {
        const row = el('tr');
        row.dataset.delivery = d.id;
        const action = el('td');
        if (d.status !== 'PENDING') {
          const replay = el('button', 'Replay', 'quiet');
          replay.type = 'button';
          replay.addEventListener('click', () => replayDelivery(channel, d));
          action.append(replay);
        }
        const when = d.deliveredAt || d.nextAttemptAt || d.createdAt;
        row.append(el('td', 'msg_' + d.deliveryId), el('td', d.topic), el('td', d.conversationId + ' #' + d.seq),
          el('td', d.status), el('td', d.attempts), el('td', when ? new Date(when).toLocaleString() : '–'),
          el('td', d.lastError || '–'), action);
        t.append(row);
      });
      $('log').replaceChildren(entries && entries.length ? t : el('p', 'Nothing delivered yet.', 'hint'));
      $('log-panel').hidden = false;
    } catch (e) { status(e.message); }
  }

  async function replayDelivery(channel, delivery) {
    try {
      await api('POST', '/api/admin/channels/' + encodeURIComponent(channel.id) + '/deliveries/' + delivery.id + '/replay');
      status('msg_' + delivery.deliveryId + ' is queued again.');
      showLog(channel);
    } catch (e) { status(e.message); }
  }

  async function setEnabled(channel, enabled) {
    try {
      await api('PUT', '/api/admin/channels/' + encodeURIComponent(channel.id), { enabled });
      status(channel.name + (enabled ? ' is enabled.' : ' is disabled.'));
      load();
    } catch (e) { status(e.message); }
  }

  async function create(event) {
    event.preventDefault();
    let settings;
    try {
      settings = JSON.parse($('new-settings').value || '{}');
    } catch (e) { status('Settings must be a JSON object.'); return; }
    if (!settings || typeof settings !== 'object' || Array.isArray(settings)) { status('Settings must be a JSON object.'); return; }
    const body = Object.assign({}, settings, { type: $('new-type').value, name: $('new-name').value.trim() });
    try {
      const created = await api('POST', '/api/admin/channels', body);
      event.target.reset();
      const shown = Object.keys(created.secrets || {}).filter((k) => typeof created[k] === 'string');
      $('secret-list').replaceChildren(...shown.flatMap((k) => [el('dt', k), el('dd', created[k], 'secret')]));
      $('secrets').hidden = shown.length === 0;
      status(created.name + ' is added (id ' + created.id + ').');
      load();
    } catch (e) { status(e.message); }
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('create').addEventListener('submit', create);
    session.wirePage({ roles: ['ADMIN'], show: showSignedIn, load, status });
  });
}());
