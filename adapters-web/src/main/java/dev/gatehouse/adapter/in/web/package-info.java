/**
 * HTTP in-adapters, split by capability into {@code oauth}, {@code account}, {@code browser}, {@code bff},
 * {@code ops} and {@code problem}; they talk only to the application's in-ports and never in cycles.
 */
package dev.gatehouse.adapter.in.web;
