/** The threads that run requests: how many, and for how long. */
package dev.gatehouse.bootstrap.threads;
