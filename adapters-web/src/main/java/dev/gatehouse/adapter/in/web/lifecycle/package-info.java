/**
 * The account lifecycle endpoints: e-mail verification, password reset and change, account deletion
 * (API.md, "Account lifecycle"). Bodies are read by {@code StrictJson} into records of strings.
 */
package dev.gatehouse.adapter.in.web.lifecycle;
