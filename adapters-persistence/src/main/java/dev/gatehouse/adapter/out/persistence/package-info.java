/**
 * PostgreSQL adapters of the application's out-ports: hand-written SQL over Micronaut Data's
 * connection and transaction management, schema by Flyway ({@code db/migration}).
 */
package dev.gatehouse.adapter.out.persistence;
