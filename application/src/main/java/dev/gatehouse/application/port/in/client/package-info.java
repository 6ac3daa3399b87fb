/** The use cases of service clients: tokens by client credentials (RFC 6749 §4.4), scope checks for their endpoints. */
package dev.gatehouse.application.port.in.client;
