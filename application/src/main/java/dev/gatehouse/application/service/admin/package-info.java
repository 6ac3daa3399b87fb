/** The administration of accounts by service clients with scope {@code admin}. */
package dev.gatehouse.application.service.admin;
