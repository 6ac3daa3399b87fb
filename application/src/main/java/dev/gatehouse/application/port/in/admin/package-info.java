/** The use cases of the administration API, for service clients with scope {@code admin}. */
package dev.gatehouse.application.port.in.admin;
