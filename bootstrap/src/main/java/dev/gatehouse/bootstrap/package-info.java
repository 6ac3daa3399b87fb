/** Starts Gatehouse and wires the plain-Java use cases to their adapters. */
package dev.gatehouse.bootstrap;
