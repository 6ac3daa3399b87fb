/**
 * The HTTP connections themselves, below any request: how long a connection may take to send a request head,
 * and which requests are refused, with their connection, because their framing or head cannot be trusted.
 */
package dev.gatehouse.adapter.in.web.connection;
