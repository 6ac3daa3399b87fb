/**
 * The account lifecycle: e-mail verification, password reset and change, account deletion. Plain Java,
 * wired by the bootstrap module like the other services.
 */
package dev.gatehouse.application.service.lifecycle;
