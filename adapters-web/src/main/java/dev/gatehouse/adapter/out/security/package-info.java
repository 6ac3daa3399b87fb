/**
 * Security out-adapters (password hashing is in {@code .password}): the HMAC refresh-token codec and its key ring, JWT
 * access tokens (Nimbus JOSE+JWT, with Bouncy Castle for fast ECDSA and Ed25519) and their keys. Every
 * token is accepted only in its canonical base64url spelling ({@code CanonicalBase64Url}).
 */
package dev.gatehouse.adapter.out.security;
