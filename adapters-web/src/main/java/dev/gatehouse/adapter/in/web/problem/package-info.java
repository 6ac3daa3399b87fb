/**
 * Error answers: RFC 9457 problem documents, also for framework-made errors and port exceptions, unless
 * the endpoint brings its own {@link dev.gatehouse.adapter.in.web.problem.ErrorDialect}.
 */
package dev.gatehouse.adapter.in.web.problem;
