/**
 * Gatehouse browser client for cookie clients (`delivery: cookie`): a dependency-free ES module.
 *
 * The refresh token lives only in the HttpOnly `__Host-gh_refresh` cookie; the access token only in this
 * module's memory (never in storage). Every tab of the origin shares one session (the cookie is shared),
 * so refreshes are serialised across tabs with the Web Locks API and the new access token is handed to the
 * other tabs over `BroadcastChannel('gatehouse')`: when several tabs find their token expired at once,
 * one of them calls `/auth/token` and the others take its result.
 *
 * Nothing orders that message before the next tab's lock grant (Chromium, loaded: up to a third of races),
 * so the lock manager, which all tabs see alike, tells: the tab that got a token from Gatehouse holds a
 * shared lock named after the token's refresh time, taken before it lets go of the refresh lock; a tab that
 * then gets the refresh lock without a usable token, and sees a newer one advertised, waits for its message.
 *
 * @example
 * import { createClient } from 'https://auth.example.com/sdk/gatehouse.js';
 * const gatehouse = createClient({ baseUrl: 'https://auth.example.com', clientId: 'web',
 *                                 apiOrigins: ['https://api.example.com'] });
 * gatehouse.addEventListener('sessionended', () => showSignInForm());
 * if (!(await gatehouse.ready)) await gatehouse.signIn(email, password);
 * const orders = await gatehouse.fetch('https://api.example.com/orders');
 *
 * @module gatehouse
 */

const CSRF = { 'X-Requested-With': 'gatehouse' };
const REFRESH_LOCK = 'gatehouse-refresh';
const ISSUED = 'gatehouse-issued ';   // + client id + ' ' + staleAt: held by the tab that got that token
const MESSAGE_WAIT_MS = 5000;         // only if the advertising tab vanished before its message went out

/** A request Gatehouse refused: `status` and the error document (`body.error` or `body.type`). */
export class GatehouseError extends Error {
  /** @param {number} status @param {object} body */
  constructor(status, body) {
    super(body.error_description || body.detail || body.error || `HTTP ${status}`);
    this.name = 'GatehouseError';
    this.status = status;
    this.body = body;
  }
}

/**
 * Creates the client of one Gatehouse cookie client and starts restoring the session from the cookie.
 *
 * @param {{baseUrl?: string, clientId: string, apiOrigins?: string[]}} options `baseUrl`: where Gatehouse is
 *   served (default: this origin); `clientId`: a client configured with `delivery: cookie` that lists this
 *   page's origin; `apiOrigins`: the origins (`scheme://host[:port]`) besides this page's and Gatehouse's to
 *   which `fetch` sends the access token.
 * @returns {GatehouseClient}
 * @throws {TypeError} when `clientId` is missing or an entry of `apiOrigins` is not an origin
 */
export function createClient({ baseUrl = '', clientId, apiOrigins = [] }) {
  return new GatehouseClient(baseUrl, clientId, apiOrigins);
}

/**
 * One session of the origin, shared by all its tabs. Events (`CustomEvent`, `detail.sessionId`):
 * `signedin` (a session started or was restored, also by another tab), `signedout` (signed out here or in
 * another tab), `sessionended` (Gatehouse refused the refresh: the session was revoked or expired; the
 * client stops refreshing until the next sign-in).
 */
export class GatehouseClient extends EventTarget {
  #base; #clientId; #channel;
  #bearerOrigins; // where fetch may send the access token: this page's origin, Gatehouse's, apiOrigins
  #tokens = null; // {accessToken, sessionId, expiresAt, staleAt}; times in ms since the epoch
  #unadvertise = () => {};
  #arrivals = new Set();

  /** @type {Promise<boolean>} resolves once the page-load restore is over: whether a session is active. */
  ready;

  constructor(baseUrl, clientId, apiOrigins) {
    super();
    if (!clientId) throw new TypeError('clientId is required');
    this.#base = baseUrl.replace(/\/+$/, '');
    this.#clientId = clientId;
    this.#bearerOrigins = new Set([location.origin, new URL(this.#base || '/', location.href).origin,
      ...apiOrigins.map(originOf)]);
    this.#channel = new BroadcastChannel('gatehouse');
    this.#channel.onmessage = ({ data }) => this.#hear(data);
    this.ready = this.#refresh(null, true).catch(() => false);
  }

  /** @returns {boolean} whether this tab holds an access token of a live session. */
  get signedIn() { return this.#tokens !== null; }

  /** @returns {number} when the current access token expires (ms since the epoch; 0 when signed out). */
  get expiresAt() { return this.#tokens ? this.#tokens.expiresAt : 0; }

  /** @returns {string|null} the current session's id (as in `GET /auth/sessions`). */
  get sessionId() { return this.#tokens ? this.#tokens.sessionId : null; }

  /**
   * Signs in with the password grant; every tab of the origin joins the new session. A session that was live
   * goes on at Gatehouse, only its cookie is replaced: call `signOut()` first to end it.
   * @param {string} email @param {string} password
   * @returns {Promise<{sessionId: string, userId: string}>}
   * @throws {GatehouseError} `400 invalid_grant` for wrong credentials, `429` when throttled
   */
  async signIn(email, password) {
    await this.ready;
    return this.#start(await this.#post('/auth/token', form({
      grant_type: 'password', username: email, password, client_id: this.#clientId })));
  }

  /**
   * Registers an account and signs in to it.
   * @param {{email: string, password: string, name: string}} account
   * @returns {Promise<{sessionId: string, userId: string, user: object}>}
   * @throws {GatehouseError} `400` validation problem, `409` e-mail already registered
   */
  async register({ email, password, name }) {
    await this.ready;
    return this.#start(await this.#post('/auth/register', {
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password, name, clientId: this.#clientId }) }));
  }

  /**
   * Ends the session at Gatehouse (the cookie is cleared) and in every tab (`signedout`).
   * @throws {GatehouseError} when Gatehouse did not confirm the sign-out
   */
  async signOut() {
    await this.ready;
    const response = await this.#post('/auth/sign-out', {});
    this.#end('signedout', true);
    if (!response.ok) throw new GatehouseError(response.status, await bodyOf(response));
  }

  /**
   * `fetch` with `Authorization: Bearer <access token>`. The token is refreshed first when it is about to
   * expire (within a tenth of its lifetime, at most 30 s), and once more when the answer is `401`; then the
   * request is sent again, once. Without a session the request goes out without a token and nothing is
   * refreshed. The token goes only to this page's origin, Gatehouse's and the `apiOrigins`: a request to any
   * other origin is refused before anything is sent, so that a URL from elsewhere (a link, a redirect
   * target, a third-party API) never receives it.
   * @param {RequestInfo|URL} input @param {RequestInit} [init]
   * @returns {Promise<Response>} the last answer, whatever its status
   * @throws {TypeError} when the request's origin is not one the token may go to
   */
  async fetch(input, init) {
    const request = new Request(input, init);
    const origin = new URL(request.url).origin;
    if (!this.#bearerOrigins.has(origin)) {
      throw new TypeError(`gatehouse.fetch sends the access token only to this page's origin, Gatehouse's `
        + `and apiOrigins, not to ${origin}: add it to createClient({ apiOrigins }) or call fetch()`);
    }
    await this.ready;
    if (this.#tokens && Date.now() >= this.#tokens.staleAt) await this.#refresh(this.#tokens.accessToken, false);
    const sent = this.#tokens && this.#tokens.accessToken;
    const response = await send(request, sent);
    if (response.status !== 401 || !sent || !(await this.#refresh(sent, false))) return response;
    return send(request, this.#tokens.accessToken);
  }

  /** Runs a refresh under the lock shared by all tabs (or directly where Web Locks are missing). */
  #refresh(rejected, restoring) {
    const refresh = () => this.#refreshHoldingLock(rejected, restoring);
    return navigator.locks ? navigator.locks.request(REFRESH_LOCK, refresh) : refresh();
  }

  async #refreshHoldingLock(rejected, restoring) {
    if (this.#usable(rejected)) return true; // another tab's token arrived while we waited for the lock
    if (!restoring) await this.#awaitAdvertisedToken();
    if (this.#usable(rejected)) return true;
    if (!restoring && !this.#tokens) return false; // signed out meanwhile: nothing to refresh
    const response = await this.#post('/auth/token', form({ grant_type: 'refresh_token', client_id: this.#clientId }));
    if (response.ok) {
      await this.#adopt(tokensOf(await response.json()), true);
      return true;
    }
    if (!restoring && (response.status === 400 || response.status === 401)) this.#end('sessionended', true);
    return false;
  }

  #usable(except) {
    return this.#tokens !== null && this.#tokens.accessToken !== except && Date.now() < this.#tokens.staleAt;
  }

  /** When another tab advertises a token newer than ours, waits (a while) until its message is here. */
  async #awaitAdvertisedToken() {
    if (!navigator.locks || !this.#tokens) return;
    const own = this.#tokens.staleAt;
    const prefix = ISSUED + this.#clientId + ' ';
    const { held = [] } = await navigator.locks.query();
    const newest = Math.max(0, ...held.filter(({ name }) => name.startsWith(prefix))
        .map(({ name }) => Number(name.slice(prefix.length))));
    if (newest <= Math.max(own, Date.now())) return;
    let arrived;
    const arrival = new Promise((resolve) => {
      arrived = () => (!this.#tokens || this.#tokens.staleAt >= newest) && resolve();
    });
    this.#arrivals.add(arrived);
    arrived(); // it may have come while we looked
    await Promise.race([arrival, new Promise((resolve) => setTimeout(resolve, MESSAGE_WAIT_MS))]);
    this.#arrivals.delete(arrived);
  }

  /**
   * Takes a token as this tab's. `issued`: it comes from Gatehouse, so it is handed to the other tabs and
   * advertised; resolves once the advertising lock is held.
   */
  #adopt(tokens, issued) {
    const newSession = !this.#tokens || this.#tokens.sessionId !== tokens.sessionId;
    this.#tokens = tokens;
    this.#unadvertise();
    this.#arrivals.forEach((arrived) => arrived());
    if (newSession) this.#emit('signedin');
    if (!issued) return Promise.resolve();
    this.#channel.postMessage({ type: 'token', clientId: this.#clientId, tokens });
    return this.#advertise(tokens.staleAt);
  }

  #advertise(staleAt) {
    if (!navigator.locks) return Promise.resolve();
    let release;
    const released = new Promise((resolve) => { release = resolve; });
    this.#unadvertise = release;
    return new Promise((held) => navigator.locks.request(`${ISSUED}${this.#clientId} ${staleAt}`, { mode: 'shared' },
        () => { held(); return released; }));
  }

  #end(type, share) {
    if (share) this.#channel.postMessage({ type, clientId: this.#clientId });
    if (!this.#tokens) return;
    const { sessionId } = this.#tokens;
    this.#tokens = null;
    this.#unadvertise();
    this.#arrivals.forEach((arrived) => arrived());
    this.#emit(type, sessionId);
  }

  #hear({ type, clientId, tokens }) {
    if (clientId !== this.#clientId) return;
    if (type === 'token' && tokens.expiresAt > this.expiresAt) this.#adopt(tokens, false); // never an older one
    else if (type === 'signedout' || type === 'sessionended') this.#end(type, false);
  }

  async #start(response) {
    const body = await bodyOf(response);
    if (!response.ok) throw new GatehouseError(response.status, body);
    await this.#adopt(tokensOf(body), true);
    return { sessionId: body.session_id, userId: body.user_id, user: body.user };
  }

  #post(path, { headers = {}, body } = {}) {
    return fetch(this.#base + path, { method: 'POST', credentials: 'include', headers: { ...CSRF, ...headers }, body });
  }

  #emit(type, sessionId = this.sessionId) {
    this.dispatchEvent(new CustomEvent(type, { detail: { sessionId } }));
  }
}

/** @param {string} text an origin such as `https://api.example.com` @returns {string} it, serialised */
function originOf(text) {
  const url = new URL(text);
  if (url.origin === 'null' || url.href !== `${url.origin}/`) {
    throw new TypeError(`apiOrigins: ${text} is not an origin (scheme://host[:port], no path)`);
  }
  return url.origin;
}

function form(fields) {
  return { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) };
}

function tokensOf(body) {
  const now = Date.now();
  const lifetime = body.expires_in * 1000;
  return { accessToken: body.access_token, sessionId: body.session_id,
           expiresAt: now + lifetime, staleAt: now + lifetime - Math.min(30000, lifetime / 10) };
}

async function bodyOf(response) {
  const text = await response.text();
  try { return text ? JSON.parse(text) : {}; } catch (notJson) { return { detail: text }; }
}

function send(request, accessToken) {
  const copy = request.clone();
  if (accessToken) copy.headers.set('Authorization', `Bearer ${accessToken}`);
  return fetch(copy);
}
