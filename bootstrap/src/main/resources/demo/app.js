// Gatehouse demo: plain fetch, no build step. Every request that relies on a cookie sends the CSRF header.
'use strict';

const CSRF = { 'X-Requested-With': 'gatehouse' };
let accessToken = null; // cookie mode: kept in memory only, never in storage

const $ = (id) => document.getElementById(id);
const credentials = () => ({ email: $('email').value, password: $('password').value });

function show(target, value) {
  $(target).textContent = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  $('visible-cookies').textContent = JSON.stringify(document.cookie);
  $('visible-storage').textContent = JSON.stringify(Object.keys(localStorage).concat(Object.keys(sessionStorage)));
}

async function call(path, options = {}) {
  const response = await fetch(path, { credentials: 'same-origin', ...options });
  const text = await response.text();
  let body = text;
  try { body = text ? JSON.parse(text) : ''; } catch (notJson) { /* keep text */ }
  return { status: response.status, body };
}

function form(fields) {
  return { method: 'POST', headers: { ...CSRF, 'Content-Type': 'application/x-www-form-urlencoded' },
           body: new URLSearchParams(fields).toString() };
}

function tokensArrived(result) {
  if (result.status === 200 || result.status === 201) {
    accessToken = result.body.access_token;
    $('cookie-status').textContent = 'signed in (session ' + result.body.session_id + ')';
    show('cookie-output', { ...result.body, access_token: accessToken.slice(0, 24) + '…' });
  } else {
    accessToken = null;
    $('cookie-status').textContent = 'signed out';
    show('cookie-output', result);
  }
}

async function silentRefresh() {
  tokensArrived(await call('/auth/token', form({ grant_type: 'refresh_token', client_id: 'web' })));
}

$('register').onclick = async () => tokensArrived(await call('/auth/register', {
  method: 'POST', headers: { ...CSRF, 'Content-Type': 'application/json' },
  body: JSON.stringify({ ...credentials(), name: 'Demo User', clientId: 'web' }) }));

$('sign-in').onclick = async () => tokensArrived(await call('/auth/token', form({
  grant_type: 'password', username: $('email').value, password: $('password').value, client_id: 'web' })));

async function withBearer(path, target, options = {}) {
  let result = await call(path, { ...options, headers: { Authorization: 'Bearer ' + accessToken, ...(options.headers || {}) } });
  if (result.status === 401) { // access token expired: refresh once, retry once
    await silentRefresh();
    result = await call(path, { ...options, headers: { Authorization: 'Bearer ' + accessToken, ...(options.headers || {}) } });
  }
  show(target, result);
  return result;
}

$('me').onclick = () => withBearer('/auth/me', 'cookie-output');
$('sessions').onclick = () => withBearer('/auth/sessions', 'cookie-output');
$('sign-out').onclick = async () => {
  const result = await call('/auth/sign-out', { method: 'POST', headers: CSRF });
  accessToken = null;
  $('cookie-status').textContent = 'signed out';
  show('cookie-output', result);
};

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

silentRefresh();
