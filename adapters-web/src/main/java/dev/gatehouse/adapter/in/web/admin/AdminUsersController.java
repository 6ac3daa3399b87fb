package dev.gatehouse.adapter.in.web.admin;

import dev.gatehouse.adapter.in.web.problem.Problem;
import dev.gatehouse.adapter.in.web.problem.ProblemResponses;
import dev.gatehouse.adapter.in.web.problem.ProblemType;
import dev.gatehouse.adapter.in.web.problem.Responses;
import dev.gatehouse.adapter.in.web.problem.UnknownResultException;
import dev.gatehouse.application.port.in.admin.AdministerUsersUseCase.AdminResult;
import dev.gatehouse.application.port.in.admin.AdministerUsersUseCase.Search;
import dev.gatehouse.application.port.in.admin.AdministerUsersUseCase;
import dev.gatehouse.application.port.in.admin.Administrator;
import dev.gatehouse.domain.client.Scopes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.function.BiFunction;

/**
 * {@code /admin/users}: find, show, disable, enable and delete accounts, end their sessions. The caller is
 * checked first ({@link AdminAuthorization}: 401, 403), so an unauthorised caller learns nothing about ids;
 * an id that names no account is {@code 404}. Answers are never cached.
 */
@Controller("/admin/users")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Administration", description = AdminUsersController.NEEDS_ADMIN)
@SecurityRequirement(name = "bearer")
@ProblemResponses.Unauthenticated
@ApiResponse(responseCode = "403", description = "The token lacks scope `admin` (a user's, or a service client's without it)",
        headers = @Header(name = "WWW-Authenticate", description = "`Bearer error=\"insufficient_scope\", scope=\"admin\"`",
                schema = @Schema(type = "string")),
        content = @Content(mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
@ProblemResponses.Unavailable
final class AdminUsersController {

    /**
     * What the document says of every operation here: scopes belong to OAuth 2.0 schemes only (OAS 3.0 Security Requirement
     * Object), so the {@code bearer} requirement names none and this text names {@code admin}.
     */
    static final String NEEDS_ADMIN = "The bearer token needs scope `" + Scopes.ADMIN + "`: a service client's, from "
            + "`grant_type=client_credentials` at `/auth/token` (else 401, or 403 `insufficient_scope`)";

    private final AdministerUsersUseCase administer;
    private final AdminAuthorization authorization;

    AdminUsersController(AdministerUsersUseCase administer, AdminAuthorization authorization) {
        this.administer = administer;
        this.authorization = authorization;
    }

    @Get
    @Operation(summary = "Find the account of an e-mail address (exact match after the usual normalisation)",
            description = NEEDS_ADMIN,
            parameters = @Parameter(name = "email", in = ParameterIn.QUERY, required = true, description = "The address, once",
                    schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "200", description = "The matching accounts, none or one; `Cache-Control: no-store`",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, array = @ArraySchema(schema = @Schema(implementation = AdminUserView.class))))
    @ProblemResponses.BadRequest
    HttpResponse<?> find(HttpRequest<?> request) {
        Administrator admin = authorization.require(request);
        List<String> emails = request.getParameters().getAll("email");
        Search search = administer.findByEmail(admin, emails.size() == 1 ? emails.get(0) : null);
        if (search instanceof Search.Found found) {
            return noStore(HttpResponse.ok(found.accounts().stream().map(AdminUserView::of).toList()));
        }
        if (search instanceof Search.NoAddress) {
            return Responses.validation(List.of(new Problem.FieldError("email", "exactly one address is required")));
        }
        throw new UnknownResultException(search);
    }

    @Get("/{id}")
    @Operation(summary = "One account and its live sessions",
            description = NEEDS_ADMIN)
    @ApiResponse(responseCode = "200", description = "The account plus `sessions`; `Cache-Control: no-store`",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminUserDetails.class)))
    @ProblemResponses.NotFound
    HttpResponse<?> show(HttpRequest<?> request, String id) {
        Administrator admin = authorization.require(request);
        return administer.user(admin, id)
                .<MutableHttpResponse<?>>map(user -> noStore(HttpResponse.ok(AdminUserDetails.of(user))))
                .orElseGet(AdminUsersController::notFound);
    }

    @ProblemResponses.BodylessSuccess
    @Post("/{id}/disable")
    @Operation(summary = "Disable the account: every session ends (`account_disabled`), sign-in and refresh fail",
            description = NEEDS_ADMIN)
    @ApiResponse(responseCode = "204", description = "Disabled")
    @ProblemResponses.NotFound
    HttpResponse<?> disable(HttpRequest<?> request, String id) {
        return act(request, id, administer::disable);
    }

    @ProblemResponses.BodylessSuccess
    @Post("/{id}/enable")
    @Operation(summary = "Enable the account again",
            description = NEEDS_ADMIN)
    @ApiResponse(responseCode = "204", description = "Enabled")
    @ProblemResponses.NotFound
    HttpResponse<?> enable(HttpRequest<?> request, String id) {
        return act(request, id, administer::enable);
    }

    @ProblemResponses.BodylessSuccess
    @Delete("/{id}/sessions")
    @Operation(summary = "End every session of the account (`admin`)",
            description = NEEDS_ADMIN)
    @ApiResponse(responseCode = "204", description = "Every session is ended")
    @ProblemResponses.NotFound
    HttpResponse<?> endSessions(HttpRequest<?> request, String id) {
        return act(request, id, administer::endSessions);
    }

    @ProblemResponses.BodylessSuccess
    @Delete("/{id}")
    @Operation(summary = "Delete the account, as `DELETE /auth/me` does",
            description = NEEDS_ADMIN)
    @ApiResponse(responseCode = "204", description = "The account, its sessions and its tokens are gone")
    @ProblemResponses.NotFound
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
