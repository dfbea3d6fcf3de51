// The help centre: the published FAQs as articles grouped by topic, filtered as the customer types; "Ask the
// assistant" hands the text to the chat widget on this page. Article bodies are the service's sanitized HTML;
// everything else is inserted as text.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  let articles = [];

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  const words = (text) => text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9 ]+/g, ' ').split(/\s+/).filter((w) => w.length > 1);
  // Words that say nothing about the topic, so a typed question ("how do I return a lamp?") searches its content words.
  const STOP = new Set(('a an and are as at be but by can could do does for from have how i if in is it its me my no not of on '
    + 'or our so that the this to was we what when where which who why will with would you your').split(' '));

  function indexOf(article) {
    if (!article.index) {
      const div = document.createElement('div');
      div.innerHTML = article.html;
      article.index = ' ' + words([article.title].concat(article.questions, article.tags, [div.textContent]).join(' ')).join(' ');
    }
    return article.index;
  }

  // Articles with every content word typed (as a word start) in their title, phrasings, tags or answer; when none
  // has them all, the articles with the most of them.
  function search(query) {
    const scored = articles.map((a) => ({ a, hits: query.filter((w) => indexOf(a).includes(' ' + w)).length }));
    const best = Math.max(0, ...scored.map((s) => s.hits));
    return best === 0 ? [] : scored.filter((s) => s.hits === best).map((s) => s.a);
  }

  function render() {
    const text = $('search').value.trim();
    const typed = words(text);
    const content = typed.filter((w) => !STOP.has(w));
    const query = content.length ? content : typed;
    const shown = query.length ? search(query) : articles;
    const byTopic = new Map();
    shown.forEach((a) => {
      const topic = a.tags[0] || 'general';
      if (!byTopic.has(topic)) { byTopic.set(topic, []); }
      byTopic.get(topic).push(a);
    });
    const sections = Array.from(byTopic.keys()).sort().map((topic) => {
      const section = el('section', null, 'topic');
      section.append(el('h2', topic));
      const list = el('ul', null, 'articles');
      byTopic.get(topic).forEach((a) => {
        const item = el('li');
        const details = el('details');
        details.id = 'faq-' + a.id;
        const body = el('div', null, 'answer');
        body.innerHTML = a.html;
        body.querySelectorAll('a').forEach((link) => { link.target = '_blank'; link.rel = 'noopener noreferrer nofollow'; });
        details.append(el('summary', a.title), body);
        item.append(details);
        list.append(item);
      });
      section.append(list);
      return section;
    });
    $('topics').replaceChildren(...sections);
    $('no-match').hidden = shown.length > 0 || !query.length;
    $('no-match-text').textContent = text;
    if (query.length === 0 && location.hash.startsWith('#faq-')) {
      const target = document.getElementById(location.hash.slice(1));
      if (target) { target.open = true; }
    }
  }

  function ask() {
    const text = $('search').value.trim();
    window.dispatchEvent(new CustomEvent(text ? 'touchpoint:ask' : 'touchpoint:open', { detail: { text } }));
  }

  async function load() {
    try {
      const response = await fetch('/api/help/articles', { headers: { 'Accept': 'application/json' } });
      if (!response.ok) { throw new Error(); }
      articles = await response.json();
      $('status').textContent = articles.length ? '' : 'No articles yet: ask the assistant.';
      render();
    } catch (e) {
      $('status').textContent = 'The articles could not be loaded. The assistant can still help.';
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('search').addEventListener('input', render);
    $('search-form').addEventListener('submit', (e) => { e.preventDefault(); ask(); });
    $('ask-instead').addEventListener('click', ask);
    load();
  });
}());
