// Canned replies: admins add, change and remove them through /api/admin/canned-replies, signed in with the staff
// pages' shared session (session.js). Everything from the server is inserted with textContent.
import * as session from '/assets/session.js';

(function () {
  'use strict';

  const api = session.json;
  const $ = (id) => document.getElementById(id);
  function status(text) { $('status').textContent = text || ''; }

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  function edit(reply) {
    $('canned-id').value = reply ? reply.id : '';
    $('canned-shortcut').value = reply ? reply.shortcut : '';
    $('canned-title').value = reply ? reply.title : '';
    $('canned-body').value = reply ? reply.body : '';
    $('form-title').textContent = reply ? 'Change /' + reply.shortcut : 'Add a canned reply';
    $('canned-save').textContent = reply ? 'Save' : 'Add';
    $('canned-cancel').hidden = !reply;
    if (reply) { $('canned-shortcut').focus(); }
  }

  function render(replies) {
    const t = el('table', null, 'tasks');
    const head = el('tr');
    ['Shortcut', 'Title', 'Text', ''].forEach((h) => head.append(el('th', h)));
    t.append(head);
    replies.forEach((r) => {
      const row = el('tr');
      row.dataset.shortcut = r.shortcut;
      const actions = el('td');
      const change = el('button', 'Change', 'quiet');
      change.type = 'button';
      change.setAttribute('aria-label', 'Change /' + r.shortcut);
      change.addEventListener('click', () => edit(r));
      const remove = el('button', 'Remove', 'quiet');
      remove.type = 'button';
      remove.setAttribute('aria-label', 'Remove /' + r.shortcut);
      remove.addEventListener('click', () => removeReply(r));
      actions.append(change, remove);
      row.append(el('td', '/' + r.shortcut), el('td', r.title), el('td', r.body), actions);
      t.append(row);
    });
    $('canned-list').replaceChildren(replies.length ? t : el('p', 'No canned replies yet.', 'hint'));
  }

  async function load() {
    try {
      render(await api('GET', '/api/admin/canned-replies'));
      const faqs = await api('GET', '/api/agent/faqs');
      $('canned-faq').replaceChildren(new Option('—', ''), ...faqs.map((f) => new Option(f.title, f.id)));
    } catch (e) { status(e.message); }
  }

  $('canned-faq').addEventListener('change', () => {
    const id = $('canned-faq').value;
    if (!id) { return; }
    const body = $('canned-body');
    body.value = (body.value ? body.value.replace(/\s*$/, '\n\n') : '') + '{{faq:' + id + '}}';
    $('canned-faq').value = '';
    body.focus();
  });

  $('canned-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const id = $('canned-id').value;
    const body = { shortcut: $('canned-shortcut').value, title: $('canned-title').value, body: $('canned-body').value };
    try {
      await api(id ? 'PUT' : 'POST', '/api/admin/canned-replies' + (id ? '/' + encodeURIComponent(id) : ''), body);
      status(id ? 'Saved.' : 'Added /' + body.shortcut.replace(/^\//, '') + '.');
      edit(null);
      load();
    } catch (err) { status(err.message); }
  });
  $('canned-cancel').addEventListener('click', () => edit(null));

  async function removeReply(reply) {
    if (!window.confirm('Remove /' + reply.shortcut + '?')) { return; }
    try {
      await api('DELETE', '/api/admin/canned-replies/' + encodeURIComponent(reply.id));
      status('Removed /' + reply.shortcut + '.');
      load();
    } catch (e) { status(e.message); }
  }

  session.wirePage({
    roles: ['ADMIN'],
    show: (signedIn) => { $('canned').hidden = !signedIn; $('logout').hidden = !signedIn; },
    load: load,
    status: status
  });
}());
