/**
 * HTTP in-adapters: one controller per capability, talking only to the application's in-ports; RFC 9457
 * problem documents for errors, RFC 6749 §5.2 error objects on the OAuth endpoints.
 */
package dev.gatehouse.adapter.in.web;
