/**
 * Password hashing: Argon2id (RFC 9106) in native libargon2 with pooled work memory, behind a deadline-based
 * hashing gate that queues bursts, sheds floods and keeps a share for sign-ins (ADR 0006).
 */
package dev.gatehouse.adapter.out.security.password;
