/** The OAuth 2.0 endpoints: token (RFC 6749 §3.2), revocation (RFC 7009), discovery (RFC 8414, JWKS) and their RFC 6749 §5.2 errors. */
package dev.gatehouse.adapter.in.web.oauth;
