/**
 * The account lifecycle use cases: e-mail verification, password reset and change, account deletion
 * (API.md, "Account lifecycle").
 */
package dev.gatehouse.application.port.in.lifecycle;
