/*
 * Touchpoint chat widget. One tag embeds it on any page:
 *
 *   <script src="https://<host>/widget.js" data-touchpoint="checkout" async></script>
 *
 * Options, as data attributes on that tag: touchpoint, locale, colour (#rgb or #rrggbb), position (right | left),
 * greeting. The API is called on the origin the script was loaded from.
 *
 * Identity verification (docs/contacts.md): a signed-in site user is passed as data-user-id and data-user-hash
 * (hex HMAC-SHA256 of the id with the site's identity secret, computed on the site's server), optionally
 * data-user-email and data-user-name; or later, at runtime, with Touchpoint.identify({userId, userHash, email, name}).
 *
 * Hand-written and framework-free on purpose: it runs on pages we do not control, so it defines one global
 * (window.Touchpoint, for identify; one Symbol-keyed guard against double embedding), keeps its markup and styles in a shadow root, and renders every
 * piece of text with textContent. Only the service's sanitized `html` field is parsed as HTML, and even that is
 * filtered again here.
 */
(() => {
  'use strict';

  const GUARD = Symbol.for('touchpoint.widget');
  // currentScript is null when a loader injected us in an odd way; the last matching tag is then the best guess.
  const script = document.currentScript ||
    Array.from(document.querySelectorAll('script[src]')).filter((s) => /\/widget\.js([?#]|$)/.test(s.src)).pop();
  if (!script || window[GUARD]) return;
  window[GUARD] = true;

  const API = new URL(script.src, location.href).origin;
  const STORE = 'touchpoint.widget:' + API;
  const REQUEST_TIMEOUT_MS = 15000;

  // ---------------------------------------------------------------------------------------------- options

  const attrs = script.dataset;
  // The same patterns the start endpoint enforces, so a typo on a host page cannot stop the widget from starting.
  const valid = (value, pattern, max) => (value && value.length <= max && pattern.test(value) ? value : undefined);
  const options = {
    touchpoint: valid(attrs.touchpoint, /^[A-Za-z0-9_./:-]+$/, 100),
    locale: valid(attrs.locale || navigator.language, /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/, 20),
    colour: /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(attrs.colour || attrs.color || '') ? (attrs.colour || attrs.color) : '#2f6b4f',
    position: attrs.position === 'left' ? 'left' : 'right',
    greeting: (attrs.greeting || '').trim().slice(0, 500),
  };

  // Who the host page says its user is; the service trusts it only when the hash matches.
  const claimOf = (c) => (c && typeof c.userId === 'string' && c.userId && typeof c.userHash === 'string' && c.userHash
    ? { userId: c.userId.slice(0, 200), userHash: c.userHash.slice(0, 128),
      email: typeof c.email === 'string' && c.email ? c.email.slice(0, 320) : undefined,
      name: typeof c.name === 'string' && c.name ? c.name.slice(0, 200) : undefined }
    : null);
  let identity = claimOf({ userId: attrs.userId, userHash: attrs.userHash, email: attrs.userEmail, name: attrs.userName });

  // The brand colour carries white text and draws accent text on white, so it is darkened until both pass
  // WCAG AA (4.5:1) whatever a host page configures.
  const rgb = (hex) => {
    const s = hex.length === 4 ? hex.slice(1).replace(/./g, '$&$&') : hex.slice(1);
    return [0, 2, 4].map((i) => parseInt(s.slice(i, i + 2), 16));
  };
  const luminance = (c) => {
    const [r, g, b] = c.map((v) => {
      const x = v / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrastWithWhite = (c) => 1.05 / (luminance(c) + 0.05);
  let accent = rgb(options.colour);
  while (contrastWithWhite(accent) < 4.6) accent = accent.map((v) => v * 0.9);
  const ACCENT = '#' + accent.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');

  // ---------------------------------------------------------------------------------------------- styles

  const STYLES = `
:host { all: initial; }
[hidden] { display: none !important; }
*, *::before, *::after { box-sizing: border-box; }
.root { position: fixed; bottom: 20px; right: 20px; z-index: 2147483000; color: #1b1f1d;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; text-align: left; }
.root.left { right: auto; left: 20px; }
button { font: inherit; cursor: pointer; }
button[disabled] { cursor: default; }
:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.launcher { width: 60px; height: 60px; border-radius: 50%; border: 0; background: var(--tp-accent); color: #fff;
  box-shadow: 0 4px 14px rgba(0,0,0,.28); display: grid; place-items: center; position: relative; }
.launcher svg { width: 28px; height: 28px; fill: currentColor; }
.badge { position: absolute; top: -3px; right: -3px; min-width: 22px; height: 22px; padding: 0 6px; border-radius: 11px;
  background: #b3261e; color: #fff; font-size: 12px; font-weight: 700; display: grid; place-items: center; }
.panel { position: absolute; bottom: 76px; right: 0; width: 370px; max-width: calc(100vw - 40px);
  height: min(600px, calc(100vh - 110px)); background: #fff; border-radius: 14px; overflow: hidden;
  box-shadow: 0 12px 40px rgba(0,0,0,.28); display: flex; flex-direction: column; }
.left .panel { right: auto; left: 0; }
.head { background: var(--tp-accent); color: #fff; padding: 10px 8px 10px 16px; display: flex; align-items: center; gap: 6px; }
.head h2 { margin: 0; font-size: 16px; font-weight: 650; flex: 1; }
.person { border: 1px solid #fff; background: transparent; color: #fff; border-radius: 999px; padding: 4px 10px; font-size: 13px; }
.close { border: 0; background: transparent; color: #fff; width: 36px; height: 36px; border-radius: 8px; font-size: 24px; line-height: 1; }
.person:hover, .close:hover { background: rgba(255,255,255,.18); }
.log { list-style: none; margin: 0; padding: 14px; overflow-y: auto; flex: 1; display: flex; flex-direction: column;
  gap: 10px; background: #fafaf8; }
.msg { max-width: 86%; align-self: flex-start; }
.bubble { padding: 9px 13px; border-radius: 14px; background: #ebefec; overflow-wrap: anywhere; }
.bubble p, .bubble ul, .bubble ol { margin: 0 0 6px; } .bubble > :last-child { margin-bottom: 0; }
.bubble ul, .bubble ol { padding-left: 20px; }
.bubble a { color: var(--tp-accent); text-decoration: underline; }
.text { white-space: pre-wrap; margin: 0; }
.customer { align-self: flex-end; }
.customer .bubble { background: var(--tp-accent); color: #fff; }
.agent .bubble { background: #fff4d6; border: 1px solid #d9bd6a; }
.system { align-self: center; max-width: 95%; text-align: center; font-size: 13px; color: #4a524d; }
.system .bubble { background: none; padding: 2px 6px; }
.system .form { text-align: left; background: #fff; border: 1px solid #dde2de; border-radius: 12px; padding: 10px 12px; }
.msg.wide { align-self: stretch; max-width: none; }
.name { display: block; margin: 0 0 3px 4px; font-size: 12px; font-weight: 650; color: #4a524d; }
.meta { display: block; margin: 4px 4px 0; font-size: 12px; color: #4a524d; }
.customer .meta { text-align: right; }
.failed .meta { color: #b3261e; }
.options { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
.chip, .score { border: 1px solid var(--tp-accent); background: #fff; color: var(--tp-accent); border-radius: 999px;
  padding: 6px 12px; font-size: 14px; }
.chip:hover:not([disabled]), .score:hover:not([disabled]), .score[aria-pressed=true] { background: var(--tp-accent); color: #fff; }
.chip[disabled], .score[disabled] { border-color: #b9c0bb; color: #5b635e; }
.thumbs { display: flex; align-items: center; gap: 4px; margin: 4px 4px 0; font-size: 12px; color: #4a524d; }
.thumb { border: 1px solid #7d8681; background: #fff; color: #4a524d; border-radius: 8px; width: 34px; height: 30px; padding: 0;
  display: grid; place-items: center; }
.thumb svg { width: 16px; height: 16px; fill: currentColor; }
.thumb:hover { color: var(--tp-accent); border-color: var(--tp-accent); }
.thumb[aria-pressed=true] { border-color: var(--tp-accent); background: #e3ece6; }
.scale { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 6px; }
.score { border-radius: 8px; min-width: 34px; height: 34px; padding: 0 6px; }
.star { border: 0; background: none; width: 38px; height: 38px; font-size: 26px; line-height: 1; color: #6b736e; padding: 0; }
.star.on { color: #9a5b00; }
.ends { display: flex; justify-content: space-between; font-size: 12px; color: #4a524d; margin-top: 2px; }
.form { display: grid; gap: 6px; margin-top: 8px; }
.form label { font-size: 13px; font-weight: 650; }
.form input, .form textarea { font: inherit; font-size: 14px; border: 1px solid #7d8681; border-radius: 8px; padding: 7px 9px;
  width: 100%; color: #1b1f1d; background: #fff; }
.form textarea { resize: vertical; min-height: 60px; }
.primary { justify-self: start; border: 0; background: var(--tp-accent); color: #fff; border-radius: 999px; padding: 7px 14px; font-weight: 650; }
.typing { padding: 0 16px 6px; display: flex; align-items: center; gap: 4px; font-size: 12px; color: #4a524d; background: #fafaf8; }
.dot { width: 6px; height: 6px; border-radius: 50%; background: #4a524d; animation: blink 1s infinite; }
.dot:nth-child(2) { animation-delay: .2s; } .dot:nth-child(3) { animation-delay: .4s; }
@keyframes blink { 50% { opacity: .25; } }
.status { margin: 0; padding: 6px 14px; font-size: 12px; color: #4a524d; background: #fafaf8; border-top: 1px solid #e3e7e4; }
.status:empty { display: none; }
.composer { display: flex; gap: 8px; padding: 10px; border-top: 1px solid #dde2de; background: #fff; }
.composer textarea { flex: 1; resize: none; height: 44px; border: 1px solid #7d8681; border-radius: 22px; padding: 11px 16px;
  font: inherit; color: #1b1f1d; background: #fff; }
.send { border: 0; background: var(--tp-accent); color: #fff; border-radius: 22px; padding: 0 18px; font-weight: 650; }
.attach { border: 1px solid #7d8681; background: #fff; color: #1b1f1d; border-radius: 50%; width: 44px; height: 44px; flex: none;
  display: flex; align-items: center; justify-content: center; padding: 0; }
.attach svg { width: 20px; height: 20px; fill: currentColor; }
.file-input { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.bubble img.photo { display: block; max-width: 100%; max-height: 200px; border-radius: 8px; margin-top: 4px; }
.bubble .file-link { color: inherit; text-decoration: underline; background: none; border: 0; padding: 0; font: inherit; cursor: pointer; }
@media (max-width: 480px) {
  .root.open .panel { position: fixed; inset: 0; width: 100%; max-width: none; height: 100%; border-radius: 0; }
  .root.open .launcher { display: none; }
}
@media (prefers-reduced-motion: reduce) { .dot { animation: none; } }
`;

  // ---------------------------------------------------------------------------------------------- dom helpers

  // Builds an element; strings become text nodes, never markup.
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children) if (child !== undefined && child !== null && child !== false) node.append(child);
    return node;
  }

  const KEEP_TAGS = new Set(['P', 'BR', 'STRONG', 'EM', 'B', 'I', 'U', 'S', 'DEL', 'CODE', 'PRE', 'BLOCKQUOTE', 'A', 'UL',
    'OL', 'LI', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'HR', 'SPAN']);
  const DROP_TAGS = new Set(['SCRIPT', 'STYLE', 'IFRAME', 'OBJECT', 'EMBED', 'TEMPLATE', 'SVG', 'MATH', 'IMG', 'VIDEO',
    'AUDIO', 'FORM', 'INPUT', 'BUTTON', 'TEXTAREA', 'SELECT', 'LINK', 'META', 'BASE', 'NOSCRIPT']);

  // The service sanitizes `html` already; this second, stricter pass means a server bug alone cannot run script
  // on a customer's page. DOMParser documents are inert: nothing in them loads or runs while we filter.
  function safeFragment(html) {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const clean = (parent) => {
      for (const child of Array.from(parent.children)) {
        if (DROP_TAGS.has(child.tagName)) { child.remove(); continue; }
        if (!KEEP_TAGS.has(child.tagName)) { child.replaceWith(doc.createTextNode(child.textContent)); continue; }
        for (const attr of Array.from(child.attributes)) {
          if (!(child.tagName === 'A' && attr.name === 'href')) child.removeAttribute(attr.name);
        }
        if (child.tagName === 'A') {
          let href = null;
          try { href = new URL(child.getAttribute('href') || '', API); } catch (e) { /* left without a link */ }
          if (href && /^(https?|mailto|tel):$/.test(href.protocol)) {
            child.setAttribute('href', href.href);
            child.setAttribute('target', '_blank');
            child.setAttribute('rel', 'noopener noreferrer nofollow');
          } else {
            child.removeAttribute('href');
          }
        }
        clean(child);
      }
    };
    clean(doc.body);
    const fragment = document.createDocumentFragment();
    for (const node of Array.from(doc.body.childNodes)) fragment.append(document.importNode(node, true));
    return fragment;
  }

  // ---------------------------------------------------------------------------------------------- storage

  // Kept per API origin so two services embedded on one site never share a conversation. Storage can be
  // unavailable (privacy modes); the widget then works for the page's lifetime only.
  const storage = {
    get(key, fallback) {
      try { const v = localStorage.getItem(STORE + key); return v ? JSON.parse(v) : fallback; } catch (e) { return fallback; }
    },
    set(key, value) {
      try {
        if (value === null) localStorage.removeItem(STORE + key); else localStorage.setItem(STORE + key, JSON.stringify(value));
      } catch (e) { /* memory only */ }
    },
  };
  const tabState = {
    get: () => { try { return sessionStorage.getItem(STORE + ':open') === '1'; } catch (e) { return false; } },
    set: (open) => { try { sessionStorage.setItem(STORE + ':open', open ? '1' : '0'); } catch (e) { /* ignore */ } },
  };

  let conversation = storage.get(':conversation', null); // {id, token, rated: {messageId: helpful}, userId}
  // A random key for this browser, so an anonymous visitor's conversations stay together until they sign in.
  let visitorId = storage.get(':visitor', null);
  if (!visitorId) {
    visitorId = 'v' + Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
    storage.set(':visitor', visitorId);
  }
  let outbox = storage.get(':outbox', []);               // [{clientMessageId, text}] not yet stored by the service
  const saveConversation = () => storage.set(':conversation', conversation);
  const saveOutbox = () => storage.set(':outbox', outbox.length ? outbox : null);

  // ---------------------------------------------------------------------------------------------- markup

  const host = document.createElement('touchpoint-widget');
  // Inline (CSSOM, so no CSP exception is needed) and !important: host-page rules cannot restyle the host.
  host.style.setProperty('all', 'initial', 'important');
  host.style.setProperty('--tp-accent', ACCENT);
  const shadow = host.attachShadow({ mode: 'open' });
  if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    // A constructed sheet needs no 'unsafe-inline' in a page's Content-Security-Policy.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
    shadow.adoptedStyleSheets = [sheet];
  } else {
    shadow.append(el('style', { text: STYLES }));
  }

  const CHAT_ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01z"/></svg>';

  const CLIP_ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5H9v9a3 3 0 0 0 6 0V5a4.5 4.5 0 0 0-9 0v11.5a6 6 0 0 0 12 0v-10z"/></svg>';

  const THUMB = 'M2 10h4v11H2zM8 10l4-8c1.7 0 2.8 1.4 2.4 3L13.8 9H20a2 2 0 0 1 2 2.3l-1.3 7.6A2.5 2.5 0 0 1 18.2 21H8z';

  // Icons are drawn, not emoji, so they look the same on systems without an emoji font.
  function icon(markup) {
    return document.importNode(new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement, true);
  }
  const thumbIcon = (down) => icon(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false"${
    down ? ' transform="rotate(180)"' : ''}><path d="${THUMB}"/></svg>`);

  const badge = el('span', { class: 'badge', hidden: true, 'aria-hidden': 'true' });
  const launcher = el('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'tp-panel',
    'aria-label': 'Open chat', onclick: () => (panel.hidden ? open(true) : close()) });
  launcher.append(icon(CHAT_ICON), badge);

  // Focusable so a keyboard user can scroll back through a long conversation (the list scrolls, its items don't take focus).
  const log = el('ol', { class: 'log', 'aria-label': 'Conversation', tabindex: '0' });
  const typing = el('div', { class: 'typing', hidden: true },
    el('span', { class: 'dot', 'aria-hidden': 'true' }), el('span', { class: 'dot', 'aria-hidden': 'true' }),
    el('span', { class: 'dot', 'aria-hidden': 'true' }), el('span', { text: 'Typing…' }));
  const status = el('p', { class: 'status', role: 'status' });
  const live = el('div', { class: 'sr', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const input = el('textarea', { id: 'tp-input', rows: '1', maxlength: '2000', placeholder: 'Type your question…',
    autocomplete: 'off', enterkeyhint: 'send' });
  // A photo (the "damaged on arrival" answer asks for one) or a PDF; the service checks what the file really is.
  const fileInput = el('input', { type: 'file', id: 'tp-file', class: 'file-input', tabindex: '-1', 'aria-hidden': 'true',
    'aria-label': 'Photo or PDF to send',
    accept: 'image/png,image/jpeg,image/gif,image/webp,application/pdf' });
  const attachButton = el('button', { type: 'button', class: 'attach', 'aria-label': 'Send a photo or PDF',
    onclick: () => fileInput.click() });
  attachButton.append(icon(CLIP_ICON));
  fileInput.addEventListener('change', () => { const f = fileInput.files[0]; fileInput.value = ''; if (f) sendFile(f); });
  const composer = el('form', { class: 'composer', onsubmit: (e) => { e.preventDefault(); submitInput(); } },
    el('label', { for: 'tp-input', class: 'sr', text: 'Your message' }), attachButton, fileInput, input,
    el('button', { type: 'submit', class: 'send', text: 'Send' }));
  const panel = el('section', { id: 'tp-panel', class: 'panel', role: 'dialog', 'aria-labelledby': 'tp-title', hidden: true },
    el('div', { class: 'head' },
      el('h2', { id: 'tp-title', text: 'Chat with us' }),
      el('button', { type: 'button', class: 'person', text: 'Talk to a person', onclick: () => send('Talk to a person') }),
      el('button', { type: 'button', class: 'close', 'aria-label': 'Close chat', text: '×', onclick: () => close() })),
    log, typing, status, composer);
  const root = el('div', { class: 'root ' + options.position }, panel, launcher, live);
  shadow.append(root);

  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); submitInput(); }
  });
  // The agent sees "typing…"; said at most every 2 s and never stored.
  let lastTypingSent = 0;
  input.addEventListener('input', () => {
    const now = Date.now();
    if (socket && socket.readyState === WebSocket.OPEN && now - lastTypingSent > 2000 && input.value.trim()) {
      lastTypingSent = now;
      socket.send(JSON.stringify({ typing: true }));
    }
  });
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !panel.hidden) { e.preventDefault(); close(); }
  });

  function submitInput() {
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    send(text);
  }

  // ---------------------------------------------------------------------------------------------- panel state

  let unread = 0;

  function open(focus) {
    panel.hidden = false;
    root.classList.add('open');
    launcher.setAttribute('aria-expanded', 'true');
    launcher.setAttribute('aria-label', 'Minimise chat');
    tabState.set(true);
    unread = 0;
    showUnread();
    startSoon();
    if (focus) input.focus();
    log.scrollTop = log.scrollHeight;
  }

  function close() {
    panel.hidden = true;
    root.classList.remove('open');
    launcher.setAttribute('aria-expanded', 'false');
    tabState.set(false);
    showUnread();
    launcher.focus();
  }

  function showUnread() {
    badge.hidden = unread === 0;
    badge.textContent = String(unread);
    if (panel.hidden) launcher.setAttribute('aria-label', unread ? `Open chat (${unread} new)` : 'Open chat');
  }

  function setStatus(text) { status.textContent = text; }

  let announceTimer;
  // Re-set after a tick so a repeated identical message is still announced.
  function announce(text) {
    live.textContent = '';
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => { live.textContent = text; }, 50);
  }

  // ---------------------------------------------------------------------------------------------- HTTP

  const conversationPath = (suffix) => '/api/conversations/' + encodeURIComponent(conversation.id) + suffix;

  async function call(method, path, body) {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), REQUEST_TIMEOUT_MS);
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (conversation) headers.Authorization = 'Bearer ' + conversation.token;
    try {
      return await fetch(API + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit', signal: abort.signal });
    } finally {
      clearTimeout(timer);
    }
  }

  const json = (response) => response.json().catch(() => ({}));

  function newClientMessageId() {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return 'w-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  // ---------------------------------------------------------------------------------------------- transcript

  const seen = new Set();      // seq numbers shown: the only de-duplication key
  let lastSeq = 0;              // every seq up to this one has been shown
  let agentName = null;
  const pending = new Map();    // clientMessageId -> <li> shown before the service stored it

  const SPEAKER = { customer: 'You', bot: 'Assistant', agent: 'Agent', system: 'Notice' };
  const EVENT_TEXT = {
    HANDOFF_REQUESTED: () => 'Connecting you with a person…',
    AGENT_JOINED: (m) => `${m.data.agentName || 'An agent'} joined the chat`,
    CONVERSATION_TRANSFERRED: () => 'You are being transferred to a colleague…',
    BOT_RESUMED: () => 'You are chatting with the assistant again.',
    CONVERSATION_RESOLVED: () => 'This conversation was marked as resolved.',
  };

  function render(m, isLive) {
    if (!m || typeof m.seq !== 'number' || seen.has(m.seq)) return;
    seen.add(m.seq);
    while (seen.has(lastSeq + 1)) lastSeq += 1;
    if (m.seq > lastSeq + 1) catchUp();
    m.data = m.data || {};
    if (m.clientMessageId && pending.has(m.clientMessageId)) {
      pending.get(m.clientMessageId).remove();
      pending.delete(m.clientMessageId);
    }
    if (m.data.agentName) agentName = m.data.agentName;
    applyFacts(m);

    const li = messageElement(m);
    if (!li) return;
    const later = Array.from(log.children).find((item) => !item.dataset.seq || Number(item.dataset.seq) > m.seq);
    log.insertBefore(li, later || null);
    refreshOptions();
    log.scrollTop = log.scrollHeight;
    if (m.author === 'agent' && !flushing) { clearTimeout(typingTimer); typing.hidden = true; }
    if (isLive && m.author !== 'customer') {
      announce(`${speakerOf(m)}: ${li.querySelector('.bubble').textContent}`);
      if (panel.hidden) { unread += 1; showUnread(); }
    }
  }

  // Later events close what earlier ones opened: an answered survey, a left message, a rated answer.
  function applyFacts(m) {
    if (/^SURVEY_(ANSWERED|SKIPPED|EXPIRED)$/.test(m.type) && m.data.questionId) {
      shadow.querySelectorAll(`.rating[data-question="${CSS_ESCAPE(m.data.questionId)}"]`).forEach((box) => {
        const skip = box.parentElement.querySelector('.options');
        if (skip) skip.remove();
        finish(box, { SURVEY_ANSWERED: 'Thanks for your feedback!', SURVEY_SKIPPED: 'Skipped.' }[m.type] || 'This survey has closed.');
      });
    }
    if (m.type === 'OFFLINE_MESSAGE_LEFT') {
      shadow.querySelectorAll('.leave').forEach((box) => finish(box, 'Your message was sent. We will reply by email.'));
    }
  }

  const CSS_ESCAPE = (s) => (window.CSS && window.CSS.escape ? window.CSS.escape(s) : String(s).replace(/["\\]/g, '\\$&'));
  const speakerOf = (m) => (m.author === 'agent' ? m.data.agentName || agentName || 'Agent' : SPEAKER[m.author] || 'Notice');

  function messageElement(m) {
    if (m.type === 'CONVERSATION_STARTED' || m.type === 'ANSWER_RATED' || m.type === 'AGENT_ASSIGNED') return null;
    let text = m.text;
    let html = m.html;
    if (m.type === 'BOT_GREETED' && options.greeting) { text = options.greeting; html = null; }
    if (m.kind === 'event' && !text) text = EVENT_TEXT[m.type] ? EVENT_TEXT[m.type](m) : null;
    const noAgent = m.type === 'SYSTEM_NOTICE' && (m.data.offlineMessage === true || m.data.notice === 'no_agent_online');
    if (!text && !html && !noAgent && m.kind !== 'survey') return null;

    const author = m.kind === 'event' && m.author !== 'customer' ? 'system' : m.author;
    const li = el('li', { class: `msg ${author} ${m.kind}`, 'data-seq': m.seq, 'data-type': m.type });
    if (author === 'agent') li.append(el('span', { class: 'name', text: speakerOf(m) }));
    // A survey's numbers are answered with its own scale below; only its other options (Skip) stay chips.
    const chips = (m.options || []).filter((o) => !(m.kind === 'survey' && m.survey && /^\d+$/.test(String(o.value))));
    // A clarify question's text lists its options for API clients that show text only; here they are the buttons.
    const shownAsButtons = new Set(m.kind === 'clarify' ? chips.map((o) => String(o.label || o.value).trim()) : []);
    const bubble = el('div', { class: 'bubble' }, el('span', { class: 'sr', text: speakerOf(m) + ': ' }));
    if (m.kind === 'attachment' && m.data.attachmentId) bubble.append(attachmentView(m));
    else if (html) bubble.append(withoutListed(safeFragment(html), shownAsButtons));
    else bubble.append(el('p', { class: 'text', text: withoutListedLines(text || '', shownAsButtons) }));
    li.append(bubble);

    if (m.kind === 'answer' && m.data.title) li.append(el('span', { class: 'meta', text: 'From our help centre: ' + m.data.title }));
    if (chips.length) li.append(optionButtons(chips));
    if (m.kind === 'answer' && m.id) li.append(thumbs(m));
    if (m.kind === 'survey' && m.survey) li.append(survey(m.survey));
    if (noAgent) { li.classList.add('wide'); li.append(leaveMessageForm()); }
    return li;
  }

  // A list in the message whose every item is one of the buttons below says nothing the buttons don't.
  function withoutListed(fragment, labels) {
    if (!labels.size) return fragment;
    fragment.querySelectorAll('ul, ol').forEach((list) => {
      const items = Array.from(list.children);
      if (items.length && items.every((item) => labels.has(item.textContent.trim()))) list.remove();
    });
    return fragment;
  }

  function withoutListedLines(text, labels) {
    if (!labels.size) return text;
    const item = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/;
    return text.split('\n').filter((line) => {
      const match = item.exec(line);
      return !(match && labels.has(match[1].trim()));
    }).join('\n').trim();
  }

  // Only the newest message's buttons can be pressed: older choices are part of the history.
  function refreshOptions() {
    const messages = Array.from(log.children).filter((li) => li.dataset.seq && !li.classList.contains('system'));
    const newest = messages[messages.length - 1];
    log.querySelectorAll('.options .chip').forEach((b) => { b.disabled = !newest || !newest.contains(b); });
  }

  function optionButtons(list) {
    const box = el('div', { class: 'options', role: 'group', 'aria-label': 'Suggested replies' });
    for (const option of list) {
      box.append(el('button', { type: 'button', class: 'chip', text: option.label || option.value, onclick: () => {
        box.querySelectorAll('button').forEach((b) => { b.disabled = true; });
        send(option.value);
        input.focus();
      } }));
    }
    return box;
  }

  function finish(box, text) {
    box.replaceChildren(el('span', { class: 'meta', text }));
  }

  // ---------------------------------------------------------------------------------------------- thumbs

  function thumbs(m) {
    const box = el('div', { class: 'thumbs', role: 'group', 'aria-label': 'Was this answer helpful?' });
    const rated = conversation && conversation.rated ? conversation.rated[m.id] : undefined;
    if (rated !== undefined) { finish(box, 'Thanks for your feedback!'); return box; }
    const up = el('button', { type: 'button', class: 'thumb', 'aria-pressed': 'false', 'aria-label': 'Yes, this helped' }, thumbIcon(false));
    const down = el('button', { type: 'button', class: 'thumb', 'aria-pressed': 'false', 'aria-label': "No, this didn't help" }, thumbIcon(true));
    up.addEventListener('click', () => rate(m, true, box, up));
    down.addEventListener('click', () => rate(m, false, box, down));
    box.append(el('span', { text: 'Helpful?', 'aria-hidden': 'true' }), up, down);
    return box;
  }

  async function rate(m, helpful, box, pressed) {
    pressed.setAttribute('aria-pressed', 'true');
    box.querySelectorAll('button').forEach((b) => { b.disabled = true; });
    try {
      const response = await call('POST', conversationPath('/messages/' + encodeURIComponent(m.id) + '/feedback'), { helpful });
      if (!response.ok) throw new Error(String(response.status));
      conversation.rated = Object.assign(conversation.rated || {}, { [m.id]: helpful });
      saveConversation();
      finish(box, 'Thanks for your feedback!');
    } catch (e) {
      pressed.setAttribute('aria-pressed', 'false');
      box.querySelectorAll('button').forEach((b) => { b.disabled = false; });
      setStatus('Could not send your feedback. Please try again.');
    }
  }

  // ---------------------------------------------------------------------------------------------- surveys

  const SCALE_ENDS = { 0: ['Not at all likely', 'Extremely likely'], 1: ['Very difficult', 'Very easy'] };

  function survey(prompt) {
    const box = el('div', { class: 'rating', 'data-question': prompt.questionId });
    const min = Number.isInteger(prompt.min) ? prompt.min : 1;
    const max = Number.isInteger(prompt.max) && prompt.max >= min && prompt.max - min <= 10 ? prompt.max : min + 4;
    const csat = /csat/i.test(prompt.type || '') || (min === 1 && max === 5);
    const scale = el('div', { class: 'scale', role: 'group', 'aria-label': csat ? 'Rate from 1 to 5 stars' : `Score from ${min} to ${max}` });
    box.append(scale);
    let chosen = null;
    const comment = el('textarea', { id: 'tp-c-' + prompt.questionId, maxlength: '1000' });
    const submit = el('button', { type: 'button', class: 'primary', text: 'Send rating', disabled: true,
      onclick: () => answerSurvey(prompt, chosen, comment.value.trim(), box) });

    for (let n = min; n <= max; n += 1) {
      const button = csat
        ? el('button', { type: 'button', class: 'star', text: '★', 'aria-pressed': 'false', 'aria-label': `${n} of ${max} stars` })
        : el('button', { type: 'button', class: 'score', text: String(n), 'aria-pressed': 'false' });
      button.addEventListener('click', () => {
        chosen = n;
        scale.querySelectorAll('button').forEach((b, i) => {
          b.setAttribute('aria-pressed', String(i + min === n));
          b.classList.toggle('on', i + min <= n);
        });
        // CSAT waits for the optional comment; the other scales are one click.
        if (csat) submit.disabled = false; else answerSurvey(prompt, n, '', box);
      });
      scale.append(button);
    }
    if (!csat && SCALE_ENDS[min]) {
      box.append(el('div', { class: 'ends', 'aria-hidden': 'true' }, el('span', { text: SCALE_ENDS[min][0] }), el('span', { text: SCALE_ENDS[min][1] })));
    }
    if (csat) {
      box.append(el('div', { class: 'form' },
        el('label', { for: comment.id, text: 'Anything to add? (optional)' }), comment, submit));
    }
    return box;
  }

  async function answerSurvey(prompt, score, comment, box) {
    if (score === null) return;
    box.querySelectorAll('button, textarea').forEach((c) => { c.disabled = true; });
    const body = { questionId: prompt.questionId, score };
    if (comment) body.comment = comment;
    try {
      const response = await call('POST', conversationPath('/survey-answers'), body);
      if (!response.ok) throw new Error(String(response.status));
      finish(box, 'Thanks for your feedback!');
    } catch (e) {
      box.querySelectorAll('button, textarea').forEach((c) => { c.disabled = false; });
      setStatus('Could not send your rating. Please try again.');
    }
  }

  // ---------------------------------------------------------------------------------------------- leave a message

  let formCount = 0;

  function leaveMessageForm() {
    formCount += 1;
    const email = el('input', { id: 'tp-e-' + formCount, type: 'email', required: true, autocomplete: 'email', maxlength: '254' });
    const text = el('textarea', { id: 'tp-t-' + formCount, required: true, maxlength: '2000' });
    const form = el('form', { class: 'form leave', 'aria-label': 'Leave a message' },
      el('label', { for: email.id, text: 'Your email' }), email,
      el('label', { for: text.id, text: 'Your message' }), text,
      el('button', { type: 'submit', class: 'primary', text: 'Send message' }));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (!form.reportValidity()) return;
      const body = { email: email.value.trim(), text: text.value.trim() };
      form.querySelectorAll('input, textarea, button').forEach((c) => { c.disabled = true; });
      try {
        await ensureConversation();
        const response = await call('POST', conversationPath('/offline-message'), body);
        if (!response.ok) throw new Error(String(response.status));
        finish(form, `Thanks! We will reply to ${body.email}.`);
      } catch (err) {
        form.querySelectorAll('input, textarea, button').forEach((c) => { c.disabled = false; });
        setStatus('Could not send your message. Please try again.');
      }
    });
    return form;
  }

  // ---------------------------------------------------------------------------------------------- conversation

  let starting = null;
  let startTimer = null;

  // Opening the panel while offline keeps trying, so the greeting appears once the service is reachable.
  function startSoon() {
    if (startTimer) return;
    ensureConversation().catch(() => {
      setStatus('Cannot reach the assistant right now. Retrying…');
      startTimer = setTimeout(() => { startTimer = null; startSoon(); }, backoff(attempts++));
    });
  }

  // Conversations start when a customer opens the panel, not on every page view.
  function ensureConversation() {
    if (conversation) return Promise.resolve(conversation);
    if (!starting) {
      starting = (async () => {
        const body = {};
        if (options.touchpoint) body.touchpoint = options.touchpoint;
        if (options.locale) body.locale = options.locale;
        body.visitorId = visitorId;
        if (identity) Object.assign(body, identity);
        const response = await call('POST', '/api/conversations', body);
        if (!response.ok) throw new Error('start ' + response.status);
        const started = await response.json();
        conversation = { id: started.id, token: started.token, rated: {}, userId: started.contactId && identity ? identity.userId : undefined };
        saveConversation();
        setStatus('');
        started.messages.forEach((m) => render(m, false));
        connect();
        return conversation;
      })().finally(() => { starting = null; });
    }
    return starting;
  }

  // A stored conversation the service no longer knows (or a token it refuses) is dropped, not retried forever.
  function forget() {
    conversation = null;
    saveConversation();
    if (socket) socket.close();
    seen.clear();
    lastSeq = 0;
    log.querySelectorAll('li[data-seq]').forEach((li) => li.remove());
  }

  let catchingUp = null;

  // The read covered everything up to the log's lastSeq; numbers it did not return belong to the staff (notes).
  function skipTo(seq) {
    if (typeof seq !== 'number') return;
    for (let s = lastSeq + 1; s <= seq; s += 1) seen.add(s);
    while (seen.has(lastSeq + 1)) lastSeq += 1;
  }

  function catchUp() {
    if (!conversation || catchingUp) return catchingUp;
    catchingUp = (async () => {
      try {
        const response = await call('GET', conversationPath('/messages?after=' + lastSeq));
        if (response.status === 404 || response.status === 401) { forget(); return; }
        if (response.ok) { const read = await json(response); read.messages.forEach((m) => render(m, true)); skipTo(read.lastSeq); }
      } catch (e) {
        /* the socket's reconnect will try again */
      } finally {
        catchingUp = null;
      }
    })();
    return catchingUp;
  }

  async function resume() {
    try {
      const response = await call('GET', conversationPath('/messages?after=0'));
      if (response.status === 404 || response.status === 401) {
        forget();
        if (!panel.hidden) startSoon(); // an open panel should greet, not sit empty
        return;
      }
      if (!response.ok) throw new Error(String(response.status));
      const read = await json(response);
      read.messages.forEach((m) => render(m, false));
      skipTo(read.lastSeq);
      connect();
      flush();
    } catch (e) {
      setStatus('Reconnecting…');
      setTimeout(resume, backoff(attempts++));
    }
  }

  // ---------------------------------------------------------------------------------------------- live socket

  let socket = null;
  let attempts = 0;
  let reconnectTimer;
  // The server sends a heartbeat every few seconds (it says how often). A socket that stays silent for
  // HEARTBEAT_MISSES of those is dead even if the browser still calls it open: it is dropped and reopened.
  const HEARTBEAT_MISSES = 3;
  let heartbeatMs = 20000;
  let silenceTimer;

  const backoff = (n) => Math.min(30000, 500 * 2 ** Math.min(n, 6)) * (0.5 + Math.random() / 2);

  function connect() {
    if (!conversation || socket) return;
    clearTimeout(reconnectTimer);
    const url = API.replace(/^http/, 'ws') + conversationPath('').replace('/api/', '/ws/') +
      '?token=' + encodeURIComponent(conversation.token) + '&after=' + lastSeq;
    let ws;
    try { ws = new WebSocket(url); } catch (e) { reconnectTimer = setTimeout(connect, backoff(attempts++)); return; }
    socket = ws;
    listen(ws);
    ws.onopen = () => {
      // The socket replays after lastSeq; the HTTP read covers anything published while it was being set up.
      if (attempts > 0) catchUp();
      attempts = 0;
      setStatus('');
      flush();
    };
    ws.onmessage = (e) => {
      let m = null;
      try { m = JSON.parse(e.data); } catch (err) { /* not a message, but still a sign of life */ }
      if (m && m.type === 'heartbeat' && m.everyMs > 0) heartbeatMs = m.everyMs;
      listen(ws);
      if (m && m.type === 'typing') { if (m.author === 'agent') agentTyping(); return; }
      if (m && m.type !== 'heartbeat') render(m, true);
    };
    ws.onclose = (e) => dropped(ws, e.code);
  }

  // (Re)arms the watchdog: from now on the server has HEARTBEAT_MISSES intervals to say something.
  function listen(ws) {
    clearTimeout(silenceTimer);
    silenceTimer = setTimeout(() => {
      if (socket !== ws) return;
      ws.onclose = null;
      try { ws.close(); } catch (e) { /* already closing */ }
      dropped(ws, 4000);
    }, heartbeatMs * HEARTBEAT_MISSES);
  }

  function dropped(ws, code) {
    if (socket !== ws) return;
    socket = null;
    clearTimeout(silenceTimer);
    if (!conversation) return;
    if (code === 1008) { catchUp(); } // refused token: catchUp forgets the conversation if it is gone
    setStatus(navigator.onLine === false ? 'You are offline. Messages will be sent when you are back.' : 'Reconnecting…');
    reconnectTimer = setTimeout(connect, backoff(attempts++));
  }

  // The host page can open the chat, or ask for the customer (the help centre's "Ask the assistant"):
  //   window.dispatchEvent(new CustomEvent('touchpoint:open'))
  //   window.dispatchEvent(new CustomEvent('touchpoint:ask', { detail: { text: 'Where is my parcel?' } }))
  window.addEventListener('touchpoint:open', () => open(true));
  window.addEventListener('touchpoint:ask', (e) => {
    const text = String((e.detail && e.detail.text) || '').trim();
    open(!text);
    if (text) send(text);
  });

  window.addEventListener('online', () => { setStatus(''); attempts = 0; connect(); flush(); });
  window.addEventListener('offline', () => setStatus('You are offline. Messages will be sent when you are back.'));

  // ---------------------------------------------------------------------------------------------- sending

  let flushing = false;
  let flushTimer;
  let flushAttempts = 0;

  // Every message goes through the outbox, so a message typed offline and one whose answer was lost take the
  // same path: it is retried with the same clientMessageId, which the service stores once.
  function send(text) {
    const item = { clientMessageId: newClientMessageId(), text: text.slice(0, 2000) };
    outbox.push(item);
    saveOutbox();
    showPending(item);
    flush();
  }

  function showPending(item) {
    const li = el('li', { class: 'msg customer text pending' },
      el('div', { class: 'bubble' }, el('span', { class: 'sr', text: 'You: ' }), el('p', { class: 'text', text: item.text })),
      el('span', { class: 'meta', text: navigator.onLine === false ? 'Waiting for connection…' : 'Sending…' }));
    pending.set(item.clientMessageId, li);
    log.append(li);
    log.scrollTop = log.scrollHeight;
  }

  function markPending(text) {
    pending.forEach((li) => { li.querySelector('.meta').textContent = text; });
  }

  function retryLater() {
    clearTimeout(flushTimer);
    flushTimer = setTimeout(flush, backoff(flushAttempts++));
  }

  async function flush() {
    if (flushing || !outbox.length) return;
    flushing = true;
    typing.hidden = false;
    let restarts = 0;
    try {
      await ensureConversation();
      while (outbox.length) {
        const item = outbox[0];
        const response = await call('POST', conversationPath('/messages'), item);
        if (response.ok) {
          const sent = await json(response);
          outbox.shift();
          saveOutbox();
          flushAttempts = 0;
          render(sent.accepted, false);
          (sent.replies || []).forEach((m) => render(m, true));
        } else if (response.status === 404 && restarts < 1) {
          restarts += 1; // the stored conversation is gone: start a new one and send there
          forget();
          await ensureConversation();
        } else if (response.status >= 500 || response.status === 429) {
          markPending('Not sent yet. Retrying…');
          retryLater();
          return;
        } else {
          const problem = await json(response);
          outbox.shift();
          saveOutbox();
          const li = pending.get(item.clientMessageId);
          if (li) {
            li.classList.add('failed');
            li.querySelector('.meta').textContent = 'Not sent: ' + (problem.detail || 'please try again.');
            pending.delete(item.clientMessageId);
          }
        }
      }
      setStatus('');
    } catch (e) {
      // Offline or the service is unreachable: keep the queue, try again later (and on 'online').
      markPending(navigator.onLine === false ? 'Waiting for connection…' : 'Not sent yet. Retrying…');
      setStatus('You are offline. Messages will be sent when you are back.');
      retryLater();
    } finally {
      flushing = false;
      typing.hidden = true;
    }
  }

  // ---------------------------------------------------------------------------------------------- files

  let typingTimer;
  function agentTyping() {
    if (flushing) return;
    typing.hidden = false;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => { if (!flushing) typing.hidden = true; }, 4000);
  }

  async function sendFile(file) {
    setStatus('Sending ' + file.name + '…');
    try {
      await ensureConversation();
      const form = new FormData();
      form.append('file', file);
      const response = await fetch(API + conversationPath('/attachments'), { method: 'POST', body: form, credentials: 'omit',
        headers: { Accept: 'application/json', Authorization: 'Bearer ' + conversation.token } });
      if (!response.ok) {
        const problem = await json(response);
        setStatus('Not sent: ' + (problem.detail || 'please try again.').replace(/^file: /, ''));
        return;
      }
      setStatus('');
      catchUp();
    } catch (e) {
      setStatus('Could not send the file. Please try again.');
    }
  }

  // Files are fetched with the conversation's token (an <img src> could not send it) and shown from memory.
  function attachmentView(m) {
    const box = el('span', { class: 'file' });
    const name = m.data.filename || 'file';
    const fetchFile = () => call('GET', conversationPath('/attachments/' + encodeURIComponent(m.data.attachmentId)))
      .then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.blob(); });
    if (/^image\//.test(m.data.contentType)) {
      box.append(el('span', { text: name }));
      fetchFile().then((blob) => {
        const reader = new FileReader();
        reader.onload = () => box.append(el('img', { class: 'photo', src: reader.result, alt: 'Photo: ' + name }));
        reader.readAsDataURL(blob);
      }).catch(() => { /* the name stays */ });
    } else {
      box.append(el('button', { type: 'button', class: 'file-link', text: 'Download ' + name, onclick: async () => {
        try {
          const a = document.createElement('a');
          a.href = URL.createObjectURL(await fetchFile());
          a.download = name;
          a.click();
          setTimeout(() => URL.revokeObjectURL(a.href), 10000);
        } catch (e) { setStatus('Could not download the file.'); }
      } }));
    }
    return box;
  }

  // ---------------------------------------------------------------------------------------------- start

  // The page's user signs in (or was already) while a conversation is stored: an anonymous conversation becomes
  // theirs; one that belongs to somebody else is left behind, so a shared computer never shows one user another's.
  async function applyIdentity() {
    if (!identity || !conversation || conversation.userId === identity.userId) return;
    if (conversation.userId) { forget(); return; }
    try {
      const response = await call('POST', conversationPath('/identity'), identity);
      const result = await json(response);
      if (response.status === 409) { forget(); return; }
      if (result.identified) { conversation.userId = identity.userId; saveConversation(); }
    } catch (e) { /* the next start carries the identity anyway */ }
  }

  window.Touchpoint = window.Touchpoint || {};
  window.Touchpoint.identify = (claim) => {
    identity = claimOf(claim || {});
    return applyIdentity();
  };

  function mount() {
    document.body.append(host);
    applyIdentity();
    outbox.forEach(showPending);
    if (conversation) resume();
    else if (outbox.length) flush();
    if (tabState.get()) open(false);
  }

  if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);
})();
