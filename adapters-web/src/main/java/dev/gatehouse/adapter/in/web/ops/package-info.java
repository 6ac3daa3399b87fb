/** Operations endpoints: health and readiness. */
package dev.gatehouse.adapter.in.web.ops;
