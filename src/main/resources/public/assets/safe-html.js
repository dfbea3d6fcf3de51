// HTML from the service (answers and previews rendered from markdown) is sanitized on the server already; this
// second, stricter pass on the staff pages means a server bug alone cannot run script in an agent's or admin's
// session. The same allowlist as the widget's. DOMParser documents are inert: nothing in them loads or runs while
// they are filtered.

const KEEP_TAGS = new Set(['P', 'BR', 'STRONG', 'EM', 'B', 'I', 'U', 'S', 'DEL', 'CODE', 'PRE', 'BLOCKQUOTE', 'A', 'UL',
  'OL', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'HR', 'SPAN']);
const DROP_TAGS = new Set(['SCRIPT', 'STYLE', 'IFRAME', 'OBJECT', 'EMBED', 'TEMPLATE', 'SVG', 'MATH', 'IMG', 'VIDEO',
  'AUDIO', 'FORM', 'INPUT', 'BUTTON', 'TEXTAREA', 'SELECT', 'LINK', 'META', 'BASE', 'NOSCRIPT']);

/** The markup as a fragment of allowed tags without attributes, but for links to http(s), mailto and tel. */
export function safeFragment(html) {
  const doc = new DOMParser().parseFromString(String(html || ''), 'text/html');
  const clean = (parent) => {
    for (const child of Array.from(parent.children)) {
      if (DROP_TAGS.has(child.tagName)) { child.remove(); continue; }
      if (!KEEP_TAGS.has(child.tagName)) { child.replaceWith(doc.createTextNode(child.textContent)); continue; }
      for (const attr of Array.from(child.attributes)) {
        if (!(child.tagName === 'A' && attr.name === 'href')) { child.removeAttribute(attr.name); }
      }
      if (child.tagName === 'A') {
        let href = null;
        try { href = new URL(child.getAttribute('href') || '', location.href); } catch (e) { /* left without a link */ }
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
  for (const node of Array.from(doc.body.childNodes)) { fragment.append(document.importNode(node, true)); }
  return fragment;
}
