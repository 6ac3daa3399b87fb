package dev.gatehouse.adapter.in.web.admin;

import dev.gatehouse.adapter.in.web.problem.Problem;
import dev.gatehouse.adapter.in.web.problem.ProblemType;
import dev.gatehouse.adapter.in.web.problem.Responses;
import dev.gatehouse.adapter.in.web.problem.UnknownResultException;
import dev.gatehouse.application.port.in.admin.AdministerUsersUseCase.AdminResult;
import dev.gatehouse.application.port.in.admin.AdministerUsersUseCase;
import dev.gatehouse.application.port.in.admin.Administrator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.function.BiFunction;

/**
 * {@code /admin/users}: find, show, disable, enable and delete accounts, end their sessions. The caller is
 * checked first ({@link AdminAuthorization}: 401, 403), so an unauthorised caller learns nothing about ids;
 * an id that names no account is {@code 404}. Answers are never cached.
 */
@Controller("/admin/users")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AdminUsersController {

    private final AdministerUsersUseCase administer;
    private final AdminAuthorization authorization;

    AdminUsersController(AdministerUsersUseCase administer, AdminAuthorization authorization) {
        this.administer = administer;
        this.authorization = authorization;
    }

    @Get
    HttpResponse<?> find(HttpRequest<?> request, @QueryValue @Nullable String email) {
        Administrator admin = authorization.require(request);
        if (email == null) {
            return Responses.validation(List.of(new Problem.FieldError("email", "is required")));
        }
        return noStore(HttpResponse.ok(administer.findByEmail(admin, email).stream().map(AdminUserView::of).toList()));
    }

    @Get("/{id}")
    HttpResponse<?> show(HttpRequest<?> request, String id) {
        Administrator admin = authorization.require(request);
        return administer.user(admin, id)
                .<MutableHttpResponse<?>>map(user -> noStore(HttpResponse.ok(AdminUserDetails.of(user))))
                .orElseGet(AdminUsersController::notFound);
    }

    @Post("/{id}/disable")
    HttpResponse<?> disable(HttpRequest<?> request, String id) {
        return act(request, id, administer::disable);
    }

    @Post("/{id}/enable")
    HttpResponse<?> enable(HttpRequest<?> request, String id) {
        return act(request, id, administer::enable);
    }

    @Delete("/{id}/sessions")
    HttpResponse<?> endSessions(HttpRequest<?> request, String id) {
        return act(request, id, administer::endSessions);
    }

    @Delete("/{id}")
    HttpResponse<?> delete(HttpRequest<?> request, String id) {
        return act(request, id, administer::delete);
    }

    private HttpResponse<?> act(HttpRequest<?> request, String id, BiFunction<Administrator, String, AdminResult> action) {
        AdminResult result = action.apply(authorization.require(request), id);
        if (result instanceof AdminResult.Done) {
            return HttpResponse.noContent();
        }
        if (result instanceof AdminResult.NotFound) {
            return notFound();
        }
        throw new UnknownResultException(result);
    }

    private static MutableHttpResponse<?> notFound() {
        return Responses.problem(ProblemType.NOT_FOUND, "There is no account with this id.");
    }

    private static MutableHttpResponse<?> noStore(MutableHttpResponse<?> response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
