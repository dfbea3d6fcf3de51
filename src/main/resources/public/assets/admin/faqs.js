// The knowledge-base editor. Signs in through the staff pages' shared session (session.js). Everything typed by
// people is inserted with textContent; the only HTML inserted is the preview, which the service renders from
// markdown and sanitizes, inserted through safeFragment.
import * as session from '/assets/session.js';
import { safeFragment } from '/assets/safe-html.js';

(function () {
  'use strict';
  const $ = function (id) { return document.getElementById(id); };
  const form = $('faq-form');
  let current = null;        // the FAQ being edited, as the API returned it (null: a new one)
  let listTimer = null;
  let previewTimer = null;

  // ---- API: the session's call with a JSON or zip body; answers JSON, a blob (the export), or null (204)

  async function api(method, path, body, raw) {
    const init = { method: method, headers: {} };
    if (raw) {
      init.body = raw;
      init.headers['Content-Type'] = 'application/zip';
    } else if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers['Content-Type'] = 'application/json';
    }
    const r = await session.api(path, init);
    if (r.status === 204) return null;
    return (r.headers.get('Content-Type') || '').indexOf('json') >= 0 ? r.json() : r.blob();
  }

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function when(iso) { return iso ? new Date(iso).toLocaleString() : ''; }

  // ---- list

  function scheduleList() { clearTimeout(listTimer); listTimer = setTimeout(loadList, 200); }

  async function loadList() {
    const params = new URLSearchParams();
    ['q', 'tag', 'team', 'status'].forEach(function (k) { if ($(k).value) params.set(k, $(k).value); });
    if ($('deleted').checked) params.set('deleted', 'true');
    let data;
    try { data = await api('GET', '/api/admin/faqs?' + params); } catch (e) { return; }
    fillSelect($('tag'), data.tags, 'All tags');
    fillSelect($('team'), data.teams, 'All teams');
    const list = $('faq-list');
    list.replaceChildren();
    data.items.forEach(function (f) {
      const li = el('li');
      li.tabIndex = 0;
      li.dataset.id = f.id;
      if (current && current.id === f.id) li.setAttribute('aria-current', 'true');
      li.appendChild(el('span', 't', f.title));
      li.appendChild(el('span', 'm', f.id + ' · ' + (f.deleted ? 'deleted' : f.status) + ' · r' + f.revision
        + (f.team ? ' · ' + f.team : '') + (f.tags.length ? ' · ' + f.tags.join(', ') : '')));
      li.addEventListener('click', function () { open(f.id, f.deleted); });
      li.addEventListener('keydown', function (e) { if (e.key === 'Enter') open(f.id, f.deleted); });
      list.appendChild(li);
    });
    $('list-count').textContent = data.items.length + (data.items.length === 1 ? ' FAQ' : ' FAQs');
  }

  function fillSelect(select, values, allLabel) {
    const keep = select.value;
    select.replaceChildren(new Option(allLabel, ''));
    values.forEach(function (v) { select.appendChild(new Option(v, v)); });
    select.value = values.indexOf(keep) >= 0 ? keep : '';
  }

  ['q'].forEach(function (id) { $(id).addEventListener('input', scheduleList); });
  ['tag', 'team', 'status', 'deleted'].forEach(function (id) { $(id).addEventListener('change', loadList); });

  // ---- editor

  async function open(id, deleted) {
    if (deleted) {
      // A deleted FAQ has no current version to edit; its history can be read and restored.
      current = { id: id, deleted: true };
      fill(null);
      $('editor-title').textContent = id + ' (deleted)';
      $('status-badge').textContent = 'deleted';
      $('status-badge').className = 'badge deleted';
      setEditable(false);
      selectTab('history');
      refreshSide();
      return;
    }
    try {
      current = await api('GET', '/api/admin/faqs/' + encodeURIComponent(id));
    } catch (e) { message(e.message, true); return; }
    fill(current);
    refreshSide();
    loadList();
  }

  function fill(f) {
    $('empty-editor').hidden = true;
    form.hidden = false;
    $('f-id').value = f ? f.id : '';
    $('f-id').readOnly = !!f;
    $('f-title').value = f ? f.title : '';
    $('f-questions').value = f ? f.questions.join('\n') : '';
    $('f-tags').value = f ? f.tags.join(', ') : '';
    $('f-team').value = f && f.team ? f.team : '';
    $('f-locale').value = f ? f.locale : 'en';
    $('f-body').value = f ? f.body : '';
    $('editor-title').textContent = f ? f.title : 'New FAQ';
    const status = f ? f.status : 'new';
    $('status-badge').textContent = status;
    $('status-badge').className = 'badge ' + status;
    $('revision-info').textContent = f ? 'revision ' + f.revision
      + (f.publishedRevision ? ' · live: revision ' + f.publishedRevision : ' · not live')
      + ' · ' + f.updatedBy + ', ' + when(f.updatedAt) : '';
    setEditable(true);
    $('publish').disabled = !f || f.status === 'published';
    $('delete').disabled = !f;
    message('');
    renderPreview();
  }

  function setEditable(on) {
    form.querySelectorAll('input, textarea, button').forEach(function (x) { x.disabled = !on; });
    if (!on) form.hidden = false;
  }

  function lines(text) { return text.split('\n').map(function (s) { return s.trim(); }).filter(Boolean); }

  function formBody() {
    return {
      id: $('f-id').value.trim() || null,
      title: $('f-title').value.trim(),
      questions: lines($('f-questions').value),
      tags: $('f-tags').value.split(',').map(function (s) { return s.trim(); }).filter(Boolean),
      team: $('f-team').value.trim() || null,
      locale: $('f-locale').value.trim() || null,
      body: $('f-body').value
    };
  }

  function message(text, isError) {
    $('form-message').textContent = text || '';
    $('form-message').className = 'message' + (isError ? ' error' : '');
  }

  function fieldError(e) {
    const input = e.field && form.querySelector('[name="' + CSS.escape(e.field) + '"]');
    if (input) input.focus();
    message(e.message, true);
  }

  form.addEventListener('submit', async function (e) {
    e.preventDefault();
    const body = formBody();
    try {
      if (current && !current.deleted) {
        body.revision = current.revision;
        current = await api('PUT', '/api/admin/faqs/' + encodeURIComponent(current.id), body);
      } else {
        current = await api('POST', '/api/admin/faqs', body);
      }
      fill(current);
      message('Saved as revision ' + current.revision + '. Customers get it once you publish.');
      refreshSide();
      loadList();
    } catch (err) {
      if (err.status === 409 && current) {
        message(err.message + ' Your text is still in the form: copy what you need, then open the FAQ again.', true);
      } else {
        fieldError(err);
      }
    }
  });

  $('publish').addEventListener('click', async function () {
    if (!current) return;
    try {
      current = await api('POST', '/api/admin/faqs/' + encodeURIComponent(current.id) + '/publish', { revision: current.revision });
      fill(current);
      message('Published revision ' + current.revision + '; every instance serves it within seconds.');
      refreshSide();
      loadList();
    } catch (err) { message(err.message, true); }
  });

  $('delete').addEventListener('click', async function () {
    if (!current || !confirm('Delete "' + current.title + '"? Customers stop getting it; its history is kept and can be restored.')) return;
    try {
      await api('DELETE', '/api/admin/faqs/' + encodeURIComponent(current.id));
      const id = current.id;
      current = null;
      form.hidden = true;
      $('empty-editor').hidden = false;
      $('empty-editor').textContent = '"' + id + '" was deleted. Tick "Deleted" to find it and restore a revision.';
      loadList();
    } catch (err) { message(err.message, true); }
  });

  $('new-faq').addEventListener('click', function () {
    current = null;
    fill(null);
    refreshSide();
    $('f-title').focus();
  });

  // ---- preview

  let previewSeq = 0;
  function renderPreview() {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(async function () {
      const seq = ++previewSeq;
      try {
        const r = await api('POST', '/api/admin/knowledge/preview', { body: $('f-body').value });
        // A slower answer to an earlier request must not overwrite a newer preview.
        if (seq === previewSeq) $('preview').replaceChildren(safeFragment(r.html));
      } catch (e) { /* keep the last preview */ }
    }, 250);
  }
  $('f-body').addEventListener('input', renderPreview);

  // ---- side panel: test, history, audit

  function selectTab(name) {
    document.querySelectorAll('.tabs button').forEach(function (b) {
      const on = b.dataset.tab === name;
      b.setAttribute('aria-selected', on ? 'true' : 'false');
      $('tab-' + b.dataset.tab).hidden = !on;
    });
    refreshSide();
  }
  document.querySelectorAll('.tabs button').forEach(function (b) {
    b.addEventListener('click', function () { selectTab(b.dataset.tab); });
  });

  function activeTab() {
    const b = document.querySelector('.tabs button[aria-selected="true"]');
    return b ? b.dataset.tab : 'test';
  }

  function refreshSide() {
    if (activeTab() === 'history') loadHistory();
    if (activeTab() === 'audit') loadAudit();
    if (activeTab() === 'not-ours') loadNotOurs();
  }

  // ---- "not ours": questions the knowledge base does not answer, which the fallback learns from

  const NOT_OURS = '/api/admin/knowledge/not-ours';

  async function loadNotOurs() {
    try {
      const examples = (await api('GET', NOT_OURS)) || [];
      const list = $('not-ours');
      if (!examples.length) { list.replaceChildren(el('li', 'hint', 'None yet.')); return; }
      list.replaceChildren(...examples.map(function (x) {
        const li = el('li');
        li.dataset.id = x.id;
        li.append(el('span', '', x.text), el('span', 'hint', ' · ' + (x.source === 'gap' ? 'from a knowledge gap' : 'added')
          + ' by ' + x.createdBy + ', ' + when(x.createdAt) + ' '));
        const remove = el('button', '', 'Remove');
        remove.type = 'button';
        remove.addEventListener('click', async function () {
          try {
            await api('DELETE', NOT_OURS + '/' + x.id);
            loadNotOurs();
          } catch (e) { message(e.message); }
        });
        li.append(remove);
        return li;
      }));
    } catch (e) { message(e.message); }
  }

  $('not-ours-form').addEventListener('submit', async function (e) {
    e.preventDefault();
    const texts = $('not-ours-text').value.split('\n').map(function (t) { return t.trim(); }).filter(Boolean);
    if (!texts.length) return;
    try {
      const result = await api('POST', NOT_OURS, { texts: texts, source: 'manual' });
      $('not-ours-text').value = '';
      message(result.added.length + ' "not ours" question(s) added' + (result.skipped ? ', ' + result.skipped + ' already there' : '') + '.');
      loadNotOurs();
    } catch (err) { message(err.message); }
  });

  $('test-form').addEventListener('submit', async function (e) {
    e.preventDefault();
    const body = { text: $('test-text').value };
    if ($('test-this').checked && current && !current.deleted) body.faqId = current.id;
    try {
      const r = await api('POST', '/api/admin/knowledge/test', body);
      renderVerdict($('verdict-draft'), r.draft);
      renderVerdict($('verdict-live'), r.live);
    } catch (err) {
      $('verdict-draft').replaceChildren(el('p', 'error', err.message));
      $('verdict-live').replaceChildren();
    }
  });

  function renderVerdict(box, v) {
    const wrap = el('div', 'verdict');
    wrap.appendChild(el('div', 'outcome', v.outcome));
    const ol = el('ol');
    v.candidates.forEach(function (c) {
      ol.appendChild(el('li', null, c.title + ' — ' + Math.round(c.score * 100) + '%'));
    });
    if (!v.candidates.length) wrap.appendChild(el('p', 'muted', 'No FAQ scored.'));
    wrap.appendChild(ol);
    wrap.appendChild(el('div', 'reply', v.text));
    box.replaceChildren(wrap);
  }

  async function loadHistory() {
    const list = $('history');
    if (!current) { list.replaceChildren(el('li', 'muted', 'Open an FAQ to see its history.')); return; }
    let revisions;
    try { revisions = await api('GET', '/api/admin/faqs/' + encodeURIComponent(current.id) + '/revisions'); } catch (e) { return; }
    list.replaceChildren();
    revisions.forEach(function (r, index) {
      const first = index === revisions.length - 1;
      const li = el('li');
      const head = el('div');
      head.appendChild(el('strong', null, 'Revision ' + r.revision));
      head.appendChild(document.createTextNode(' · ' + r.action + ' by ' + r.author + ' · ' + when(r.createdAt)));
      if (r.live) { head.appendChild(document.createTextNode(' ')); head.appendChild(el('span', 'badge published', 'live')); }
      li.appendChild(head);
      if (r.changes.length) {
        const ul = el('ul', 'changes');
        r.changes.forEach(function (c) {
          ul.appendChild(el('li', null, c.field + ': "' + (c.before || '') + '" → "' + (c.after || '') + '"'));
        });
        li.appendChild(ul);
      }
      // The first revision has nothing to compare with; its diff would be the whole body in green.
      if (!first && r.bodyDiff.some(function (l) { return l.op !== '='; })) li.appendChild(diff(r.bodyDiff));
      const restore = el('button', null, 'Restore this revision');
      restore.type = 'button';
      restore.disabled = !current.deleted && r.revision === current.revision;
      restore.addEventListener('click', async function () {
        try {
          current = await api('POST', '/api/admin/faqs/' + encodeURIComponent(current.id) + '/revisions/' + r.revision + '/restore');
          fill(current);
          message('Revision ' + r.revision + ' restored as draft revision ' + current.revision + '.');
          loadHistory();
          loadList();
        } catch (err) { message(err.message, true); }
      });
      li.appendChild(restore);
      list.appendChild(li);
    });
  }

  // Long runs of unchanged lines are folded so the change itself is visible.
  function diff(lines) {
    const box = el('div', 'diff');
    let run = [];
    function flush(last) {
      if (run.length > 6) {
        const keepHead = box.childElementCount ? 2 : 0;
        const keepTail = last ? 0 : 2;
        run.slice(0, keepHead).forEach(function (t) { box.appendChild(el('span', 'eq', '  ' + t)); });
        box.appendChild(el('span', 'fold', '  … ' + (run.length - keepHead - keepTail) + ' unchanged lines'));
        run.slice(run.length - keepTail).forEach(function (t) { box.appendChild(el('span', 'eq', '  ' + t)); });
      } else {
        run.forEach(function (t) { box.appendChild(el('span', 'eq', '  ' + t)); });
      }
      run = [];
    }
    lines.forEach(function (l) {
      if (l.op === '=') { run.push(l.text); return; }
      flush(false);
      box.appendChild(el('span', l.op === '+' ? 'ins' : 'del', l.op + ' ' + l.text));
    });
    flush(true);
    return box;
  }

  async function loadAudit() {
    const params = new URLSearchParams({ limit: '100' });
    if ($('audit-this').checked && current) params.set('target', 'faq:' + current.id);
    let page;
    try { page = await api('GET', '/api/admin/audit?' + params); } catch (e) { return; }
    const list = $('audit');
    list.replaceChildren();
    page.entries.forEach(function (a) {
      const li = el('li');
      li.appendChild(el('div', null, when(a.at) + ' · ' + a.actor + ' · ' + a.action + ' · ' + a.target));
      if (a.detail) li.appendChild(el('div', 'muted', a.detail));
      list.appendChild(li);
    });
    if (!page.entries.length) list.appendChild(el('li', 'muted', 'Nothing recorded yet.'));
  }
  $('audit-this').addEventListener('change', loadAudit);

  // ---- import / export

  function showReport(report) {
    $('report-summary').textContent = report.created + ' created, ' + report.updated + ' updated, '
      + report.unchanged + ' unchanged, ' + report.failed + ' failed. Imported FAQs are drafts until published.';
    const rows = $('report-rows');
    rows.replaceChildren();
    report.files.forEach(function (f) {
      const tr = el('tr', f.outcome === 'error' ? 'error' : '');
      tr.appendChild(el('td', null, f.file + (f.line ? ':' + f.line : '')));
      tr.appendChild(el('td', null, f.id || ''));
      tr.appendChild(el('td', null, f.outcome));
      tr.appendChild(el('td', null, f.error || ''));
      rows.appendChild(tr);
    });
    $('report-dialog').showModal();
    loadList();
  }

  $('import-file').addEventListener('change', async function (e) {
    const file = e.target.files[0];
    e.target.value = '';
    if (!file) return;
    try { showReport(await api('POST', '/api/admin/knowledge/import', undefined, file)); } catch (err) { alert(err.message); }
  });

  $('import-server').addEventListener('click', async function () {
    if (!confirm('Import the faq-content directory on the server as drafts?')) return;
    try { showReport(await api('POST', '/api/admin/knowledge/import?source=server')); } catch (err) { alert(err.message); }
  });

  $('export').addEventListener('click', async function () {
    try {
      const blob = await api('GET', '/api/admin/knowledge/export');
      const a = el('a');
      a.href = URL.createObjectURL(blob);
      a.download = 'faq-content.zip';
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
    } catch (err) { alert(err.message); }
  });

  // ---- a new FAQ drafted elsewhere: the analytics page's "Create FAQ from this" on a knowledge gap links
  // here with ?draftTitle=...&q=...&q=... (the customers' questions become the phrasings).

  function draftFromLink() {
    const params = new URLSearchParams(location.search);
    const asked = (params.get('draftTitle') || '').trim();
    if (!asked) return;
    const title = asked.charAt(0).toUpperCase() + asked.slice(1);
    history.replaceState(null, '', location.pathname);
    current = null;
    fill(null);
    $('f-title').value = title;
    $('editor-title').textContent = title;
    $('f-id').value = title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
    const questions = params.getAll('q').map(function (q) { return q.trim(); }).filter(Boolean);
    $('f-questions').value = (questions.length ? questions : [title]).join('\n');
    refreshSide();
    message('Drafted from a knowledge gap: check the id and phrasings, write the answer, then save and publish.');
    $('f-body').focus();
  }

  // ---- start

  session.wirePage({
    roles: ['ADMIN'],
    show: function (signedIn) {
      $('app').hidden = !signedIn;
      $('session-actions').hidden = !signedIn;
    },
    load: function () {
      $('who').textContent = session.user() || '';
      loadList();
      draftFromLink();
    }
  });
})();
