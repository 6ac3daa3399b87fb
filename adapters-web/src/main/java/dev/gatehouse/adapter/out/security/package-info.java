/**
 * Security out-adapters: Argon2id password hashing, the HMAC refresh-token codec, JWT access tokens
 * (Nimbus JOSE+JWT, with Bouncy Castle for fast ECDSA and Ed25519) and their keys.
 */
package dev.gatehouse.adapter.out.security;
