package dev.gatehouse.adapter.in.web.ops;

import dev.gatehouse.adapter.in.web.problem.ProblemType;
import dev.gatehouse.adapter.in.web.problem.Responses;
import dev.gatehouse.application.port.in.ReadinessQuery;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

/** {@code /health} and {@code /health/readiness}: UP when the database answers, else 503. */
@Controller("/health")
@ExecuteOn(TaskExecutors.BLOCKING)
final class HealthController {

    private final ReadinessQuery readiness;

    HealthController(ReadinessQuery readiness) {
        this.readiness = readiness;
    }

    @Serdeable
    record Health(String status) {
    }

    @Get
    HttpResponse<?> health() {
        return readiness();
    }

    @Get("/readiness")
    HttpResponse<?> readiness() {
        if (readiness.isReady()) {
            return HttpResponse.ok(new Health("UP")).header("Cache-Control", "no-store");
        }
        return Responses.problem(ProblemType.UNAVAILABLE, "The database is not answering.").header("Retry-After", "5");
    }
}
