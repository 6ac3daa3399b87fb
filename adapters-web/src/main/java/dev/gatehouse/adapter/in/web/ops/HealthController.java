package dev.gatehouse.adapter.in.web.ops;

import dev.gatehouse.adapter.in.web.problem.ProblemResponses;
import dev.gatehouse.adapter.in.web.problem.ProblemType;
import dev.gatehouse.adapter.in.web.problem.Responses;
import dev.gatehouse.application.port.in.ReadinessQuery;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /health} and {@code /health/readiness}: UP when the database answers, else 503. Readiness also answers
 * 503 while the service drains before it stops ({@link Draining}); liveness stays UP then, the process is well.
 */
@Controller("/health")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Operations")
@ApiResponse(responseCode = "200", description = "`{\"status\":\"UP\"}`",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HealthController.Health.class)))
@ProblemResponses.Unavailable
final class HealthController {

    private final ReadinessQuery readiness;
    private final Draining draining;

    HealthController(ReadinessQuery readiness, Draining draining) {
        this.readiness = readiness;
        this.draining = draining;
    }

    @Serdeable
    record Health(String status) {
    }

    @Get
    @Operation(summary = "Liveness: UP when the database answers")
    HttpResponse<?> health() {
        return databaseAnswers();
    }

    @Get("/readiness")
    @Operation(summary = "Readiness: UP when the database answers, else 503 (take the instance out of the balancer); "
            + "503 also while the service drains before it stops (`gatehouse.shutdown.drain`)")
    HttpResponse<?> readiness() {
        if (draining.isDraining()) {
            return Responses.problem(ProblemType.UNAVAILABLE, "The service is stopping.").header("Retry-After", "5");
        }
        return databaseAnswers();
    }

    private HttpResponse<?> databaseAnswers() {
        if (readiness.isReady()) {
            return HttpResponse.ok(new Health("UP")).header("Cache-Control", "no-store");
        }
        return Responses.problem(ProblemType.UNAVAILABLE, "The database is not answering.").header("Retry-After", "5");
    }
}
