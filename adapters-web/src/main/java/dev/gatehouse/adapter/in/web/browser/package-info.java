/** What browsers need: the service's {@code __Host-} cookies, CSRF defence, CORS, and the configured clients. */
package dev.gatehouse.adapter.in.web.browser;
