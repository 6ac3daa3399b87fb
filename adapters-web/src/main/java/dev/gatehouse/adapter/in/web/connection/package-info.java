/** The HTTP connections themselves, below any request: how long a connection may take to send a request head. */
package dev.gatehouse.adapter.in.web.connection;
