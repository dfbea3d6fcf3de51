// The admin pages' shared sign-in. One JWT per browser tab in sessionStorage, under the same key on every admin
// page, so moving between pages keeps you signed in; API calls carry it; a 401 signs the page out.
window.TouchpointAdmin = (function () {
  'use strict';

  const TOKEN_KEY = 'touchpoint.admin.token';
  let signedOut = function () {};  // set by wirePage: what a 401 does to the page

  function token() { return sessionStorage.getItem(TOKEN_KEY); }

  /** The signed-in user's name, from the token's claims (the server checks the token; this only labels the page). */
  function user() {
    try {
      return JSON.parse(atob(token().split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).sub;
    } catch (e) { return null; }
  }

  function signOut() { sessionStorage.removeItem(TOKEN_KEY); }

  /** Calls the API with the token; resolves to the Response, or rejects with the problem's detail. */
  async function api(path, options) {
    const response = await fetch(path, Object.assign({}, options, {
      headers: Object.assign({ 'Authorization': 'Bearer ' + token(), 'Accept': 'application/json' },
        (options && options.headers) || {})
    }));
    if (response.status === 401) {
      signOut();
      signedOut();
      throw new Error('Please sign in again.');
    }
    if (response.status === 403) { throw new Error('This page needs an admin account.'); }
    if (!response.ok) {
      let detail = response.statusText;
      try {
        const p = await response.json();
        detail = (p.field ? p.field + ': ' : '') + (p.detail || p.title || detail);
      } catch (e) { /* not JSON */ }
      throw new Error(detail);
    }
    return response;
  }

  /** {@link api} with a JSON body (when given) and a JSON answer (null when there is none). */
  async function json(method, path, body) {
    const response = await api(path, body === undefined ? { method } : {
      method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
    });
    return (response.headers.get('content-type') || '').includes('json') ? response.json() : null;
  }

  async function signIn(username, password) {
    const response = await fetch('/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify({ username, password })
    });
    if (!response.ok) { throw new Error('Sign-in failed: check the user name and password.'); }
    sessionStorage.setItem(TOKEN_KEY, (await response.json()).access_token);
  }

  /**
   * Wires a page's sign-in form (#login with #username, #password) and #logout button: {show(signedIn), load(),
   * status(text)} are the page's own; a page that opens with a token shows itself and loads at once.
   */
  function wirePage(page) {
    const $ = (id) => document.getElementById(id);
    signedOut = () => page.show(false);
    $('login').addEventListener('submit', async (event) => {
      event.preventDefault();
      page.status('Signing in…');
      try {
        await signIn($('username').value, $('password').value);
        $('password').value = '';
        page.status('');
        page.show(true);
        page.load();
      } catch (e) { page.status(e.message); }
    });
    $('logout').addEventListener('click', () => { signOut(); page.show(false); page.status('Signed out.'); });
    page.show(!!token());
    if (token()) { page.load(); }
  }

  return { token, user, signOut, api, json, signIn, wirePage };
}());
