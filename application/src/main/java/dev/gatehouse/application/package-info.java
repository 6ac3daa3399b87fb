/**
 * Gatehouse's use cases ({@code port.in}, implemented in {@code service}) and what they need from
 * the outside world ({@code port.out}). Depends on the domain only; wired by the bootstrap module.
 */
package dev.gatehouse.application;
