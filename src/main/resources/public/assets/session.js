// Sign-in for the staff pages: the admin pages and the agent console import this one module. One JWT per browser
// tab in sessionStorage, under one key, so moving from the dashboard to the console keeps you signed in; API calls
// carry it; a 401 signs the page out. The server checks the token on every call: the claims read here only label the
// page and decide which form to show.

const TOKEN_KEY = 'touchpoint.staff.token';

let signedOut = function () {};  // set by wirePage: what a 401 does to the page

/** A refused call, with the problem's status and the field at fault when the server names one. */
export class ApiError extends Error {
  constructor(status, message, field) {
    super(message);
    this.status = status;
    this.field = field || null;
  }
}

export function token() { return sessionStorage.getItem(TOKEN_KEY); }

/** The token's claims ({sub, roles, displayName, agentId, exp}), or null without a token or once it has expired. */
export function claims() {
  const jwt = token();
  if (!jwt) { return null; }
  try {
    const c = JSON.parse(atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return c.exp && c.exp * 1000 < Date.now() ? null : c;
  } catch (e) { return null; }
}

/** The signed-in user name, or null. */
export function user() {
  const c = claims();
  return c ? c.sub : null;
}

export function signOut() { sessionStorage.removeItem(TOKEN_KEY); }

function hasAnyRole(c, roles) {
  return !!c && (c.roles || []).some((r) => roles.includes(r));
}

async function problem(response) {
  try {
    const p = await response.json();
    return { detail: (p.detail || p.title || response.statusText || 'HTTP ' + response.status), field: p.field };
  } catch (e) {
    return { detail: response.statusText || 'HTTP ' + response.status, field: null };
  }
}

/** Calls the API with the token; resolves to the Response, or rejects with an {@link ApiError}. */
export async function api(path, options) {
  const response = await fetch(path, Object.assign({}, options, {
    headers: Object.assign({ 'Authorization': 'Bearer ' + token(), 'Accept': 'application/json' },
      (options && options.headers) || {})
  }));
  if (response.status === 401) {
    signOut();
    signedOut('Your session has ended; please sign in again.');
    throw new ApiError(401, 'Please sign in again.');
  }
  if (response.status === 403) { throw new ApiError(403, 'Your account may not do this.'); }
  if (!response.ok) {
    const p = await problem(response);
    throw new ApiError(response.status, (p.field ? p.field + ': ' : '') + p.detail, p.field);
  }
  return response;
}

/** {@link api} with a JSON body (when given) and a JSON answer (null when there is none). */
export async function json(method, path, body) {
  const response = await api(path, body === undefined || body === null ? { method } : {
    method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
  });
  return (response.headers.get('content-type') || '').includes('json') ? response.json() : null;
}

/** Signs in; resolves to the new token's claims, or rejects with a message to show under the form. */
export async function signIn(username, password) {
  let response;
  try {
    response = await fetch('/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify({ username, password })
    });
  } catch (e) {
    throw new Error('The service cannot be reached.');
  }
  if (response.status === 401) { throw new Error('Wrong username or password, or the user is disabled.'); }
  if (response.status === 429) {
    const wait = Number(response.headers.get('Retry-After'));
    throw new Error('Too many sign-in attempts. ' + (wait > 0 ? 'Try again in ' + wait + ' s.' : 'Try again in a moment.'));
  }
  if (!response.ok) { throw new Error('Sign-in failed: ' + (await problem(response)).detail); }
  sessionStorage.setItem(TOKEN_KEY, (await response.json()).access_token);
  return claims();
}

function el(tag, attributes, text) {
  const e = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([k, v]) => e.setAttribute(k, v));
  if (text) { e.textContent = text; }
  return e;
}

/** The sign-in form, the same on every staff page: #login-form with #username, #password and #login-error. */
function signInForm(container) {
  const title = el('h2', { id: 'login-title' }, 'Sign in');
  const form = el('form', { id: 'login-form', class: 'sign-in', autocomplete: 'on' });
  form.append(
    el('label', { for: 'username' }, 'User name'),
    el('input', { id: 'username', name: 'username', autocomplete: 'username', required: '' }),
    el('label', { for: 'password' }, 'Password'),
    el('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: '' }),
    el('button', { type: 'submit', class: 'primary' }, 'Sign in'),
    el('p', { id: 'login-error', class: 'error', role: 'alert' }));
  container.setAttribute('aria-labelledby', 'login-title');
  container.replaceChildren(title, form);
  return form;
}

/**
 * Wires a staff page: renders the sign-in form into #login-view and handles it and the #logout button.
 * page = {roles: who may use the page, show(signedIn), load() once signed in, status(text)?, beforeSignOut()?};
 * a page opened with a valid token for one of its roles shows itself and loads at once.
 */
export function wirePage(page) {
  const $ = (id) => document.getElementById(id);
  const form = signInForm($('login-view'));
  const error = $('login-error');
  const roleNames = page.roles.map((r) => r.toLowerCase() + 's').join(' and ');

  function showSignIn(message) {
    $('login-view').hidden = false;
    error.textContent = message || '';
    page.show(false);
  }

  function enter() {
    $('login-view').hidden = true;
    error.textContent = '';
    page.show(true);
    page.load();
  }

  signedOut = showSignIn;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    try {
      const c = await signIn($('username').value, $('password').value);
      $('password').value = '';
      // The token stays: it may open another staff page this account is allowed on.
      if (!hasAnyRole(c, page.roles)) { error.textContent = 'This page is for ' + roleNames + ': sign in with such an account.'; return; }
      enter();
    } catch (e) { error.textContent = e.message; }
  });
  $('logout').addEventListener('click', async () => {
    if (page.beforeSignOut) {
      try { await page.beforeSignOut(); } catch (e) { /* signing out anyway */ }
    }
    signOut();
    showSignIn('');
    if (page.status) { page.status('Signed out.'); }
  });

  const c = claims();
  if (!c) { signOut(); }  // an expired token is no use to any page
  if (hasAnyRole(c, page.roles)) { enter(); } else { showSignIn(c ? 'This page is for ' + roleNames + ': sign in with such an account.' : ''); }
}
