/**
 * Reading request bodies strictly: UTF-8 without malformed or surrogate sequences (RFC 3629), JSON with one
 * top-level object and nothing after it (RFC 8259), bound to {@code @Serdeable} request records.
 */
package dev.gatehouse.adapter.in.web.body;
