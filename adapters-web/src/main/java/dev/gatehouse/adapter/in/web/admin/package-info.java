/**
 * The administration API ({@code /admin}) for service clients with scope {@code admin}: find, inspect,
 * disable, enable and delete accounts, end their sessions. Every call is recorded as a security event.
 */
package dev.gatehouse.adapter.in.web.admin;
