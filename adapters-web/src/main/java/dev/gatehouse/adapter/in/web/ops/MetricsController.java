package dev.gatehouse.adapter.in.web.ops;

import dev.gatehouse.adapter.in.web.problem.Problem;
import dev.gatehouse.adapter.in.web.problem.ProblemResponses;
import dev.gatehouse.adapter.in.web.problem.ProblemType;
import dev.gatehouse.adapter.in.web.problem.Responses;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /metrics}: the Prometheus scrape (text exposition format 0.0.4) of every meter, the
 * {@code gatehouse_*} ones listed in docs/operations.md. {@code gatehouse.metrics.enabled: false} turns the
 * endpoint into a 404 (the meters are still kept); any other value than {@code true}/{@code false} stops the start.
 */
@Context
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Operations")
final class MetricsController {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final boolean enabled;

    MetricsController(PrometheusMeterRegistry registry, @Value("${gatehouse.metrics.enabled:true}") String enabled) {
        if (!enabled.equals("true") && !enabled.equals("false")) {
            throw new ConfigurationException("gatehouse.metrics.enabled must be true or false, not " + enabled);
        }
        this.registry = registry;
        this.enabled = Boolean.parseBoolean(enabled);
    }

    @Get(uri = "/metrics", produces = PROMETHEUS_TEXT)
    @Operation(summary = "Prometheus scrape: the gatehouse_* meters, HTTP, JVM and connection-pool meters")
    @ApiResponse(responseCode = "200", description = "Prometheus text exposition format 0.0.4; no label names a user, "
            + "an e-mail, an address or a token", content = @Content(mediaType = PROMETHEUS_TEXT, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "Metrics are switched off here (`gatehouse.metrics.enabled: false`)",
            content = @Content(mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    HttpResponse<?> scrape() {
        if (!enabled) {
            return Responses.problem(ProblemType.NOT_FOUND, "Metrics are not published here.");
        }
        return HttpResponse.ok(registry.scrape()).contentType(PROMETHEUS_TEXT).header("Cache-Control", "no-store");
    }
}
