/** The account endpoints: registration, the caller's account and sessions, sign-out; bearer authentication (RFC 6750). */
package dev.gatehouse.adapter.in.web.account;
