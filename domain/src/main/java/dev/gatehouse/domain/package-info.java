/**
 * Gatehouse's rules in plain Java: accounts, refresh-token families (sessions), throttling.
 * Nothing here reads the clock, does I/O or knows a framework; time and randomness come in as arguments.
 */
package dev.gatehouse.domain;
