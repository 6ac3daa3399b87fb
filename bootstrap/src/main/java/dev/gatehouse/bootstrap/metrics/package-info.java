/**
 * The {@code gatehouse_*} metrics (docs/operations.md lists them): decorators of the use-case ports and of
 * the session store that count outcomes, and gauges of the hashing gate. Labels carry only bounded values
 * (configured client ids, outcome and reason names), never a user id, e-mail, token or address.
 */
package dev.gatehouse.bootstrap.metrics;
