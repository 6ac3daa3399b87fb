// Gatehouse demo: no build step. The cookie client (section 1) uses the browser client /sdk/gatehouse.js;
// the /bff part uses plain fetch. Every request that relies on a cookie sends the CSRF header.
import { createClient } from '../sdk/gatehouse.js';

const CSRF = { 'X-Requested-With': 'gatehouse' };
// The access token lives inside the client, in memory only. Exposed for the browser console and the tests.
const gatehouse = createClient({ baseUrl: location.origin, clientId: 'web' });
window.gatehouse = gatehouse;

const $ = (id) => document.getElementById(id);
const credentials = () => ({ email: $('email').value, password: $('password').value });

function show(target, value) {
  $(target).textContent = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  $('visible-cookies').textContent = JSON.stringify(document.cookie);
  $('visible-storage').textContent = JSON.stringify(Object.keys(localStorage).concat(Object.keys(sessionStorage)));
}

async function call(path, options = {}) {
  const response = await fetch(path, { credentials: 'same-origin', ...options });
  return { status: response.status, body: await bodyOf(response) };
}

async function bodyOf(response) {
  const text = await response.text();
  try { return text ? JSON.parse(text) : ''; } catch (notJson) { return text; }
}

function form(fields) {
  return { method: 'POST', headers: { ...CSRF, 'Content-Type': 'application/x-www-form-urlencoded' },
           body: new URLSearchParams(fields).toString() };
}

// Section 1: the status follows the client's events, also when another tab signs in or out.
const status = (text) => () => { $('cookie-status').textContent = text(); };
gatehouse.addEventListener('signedin', status(() => 'signed in (session ' + gatehouse.sessionId + ')'));
gatehouse.addEventListener('signedout', status(() => 'signed out'));
gatehouse.addEventListener('sessionended', status(() => 'signed out: the session ended'));

async function attempt(action) {
  try {
    show('cookie-output', (await action()) ?? 'done');
  } catch (refused) {
    show('cookie-output', { status: refused.status, body: refused.body ?? String(refused) });
  }
}

async function withBearer(path) {
  const response = await gatehouse.fetch(path); // refreshes first when the token is about to expire, and on a 401
  show('cookie-output', { status: response.status, body: await bodyOf(response) });
}

$('register').onclick = () => attempt(() => gatehouse.register({ ...credentials(), name: 'Demo User' }));
$('sign-in').onclick = () => attempt(() => gatehouse.signIn($('email').value, $('password').value));
$('me').onclick = () => withBearer('/auth/me');
$('sessions').onclick = () => withBearer('/auth/sessions');
$('sign-out').onclick = () => attempt(() => gatehouse.signOut());
gatehouse.ready.then((restored) => show('cookie-output', restored
  ? { restored: true, sessionId: gatehouse.sessionId }
  : { restored: false, reason: 'no session: the refresh cookie is absent or was refused' }));

// Section 2: the /bff proxy.
$('bff-login').onclick = async () => {
  const result = await call('/bff/login', { method: 'POST', headers: { ...CSRF, 'Content-Type': 'application/json' },
                                             body: JSON.stringify(credentials()) });
  $('bff-status').textContent = result.status === 200 ? 'logged in as ' + result.body.user.email : 'logged out';
  show('bff-output', result);
};
$('bff-call').onclick = async () => show('bff-output', await call('/bff/api/hello', { headers: CSRF }));
// What injected script would try: the /bff cookies go along, the CSRF header too, and no token of the /bff
// session comes back (a signed-in cookie client of section 1 does get its own session's token: that is its design).
$('bff-steal').onclick = async () => {
  const attempts = {};
  for (const client of ['bff', 'web']) {
    const result = await call('/auth/token', form({ grant_type: 'refresh_token', client_id: client }));
    attempts[client] = { status: result.status, error: result.body.error,
                         token: result.body.access_token ? 'obtained, of session ' + result.body.session_id : 'none' };
  }
  show('bff-output', attempts);
};
$('bff-logout').onclick = async () => {
  const result = await call('/bff/logout', { method: 'POST', headers: CSRF });
  $('bff-status').textContent = 'logged out';
  show('bff-output', result);
};

