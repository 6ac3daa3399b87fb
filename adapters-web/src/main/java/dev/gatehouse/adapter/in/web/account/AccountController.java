package dev.gatehouse.adapter.in.web.account;

import dev.gatehouse.adapter.in.web.problem.NotAuthenticatedException;
import dev.gatehouse.adapter.in.web.problem.ProblemResponses;
import dev.gatehouse.application.port.in.AccountQuery;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /auth/me}: the caller's account. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Account")
@SecurityRequirement(name = "bearer")
@ProblemResponses.Unauthenticated
@ProblemResponses.Unavailable
final class AccountController {

    private final AccountQuery accounts;
    private final BearerAuthentication bearer;

    AccountController(AccountQuery accounts, BearerAuthentication bearer) {
        this.accounts = accounts;
        this.bearer = bearer;
    }

    @Get("/auth/me")
    @Operation(summary = "The caller's account")
    @ApiResponse(responseCode = "200", description = "The account; `Cache-Control: no-store`",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
    HttpResponse<?> me(HttpRequest<?> request) {
        var caller = bearer.require(request);
        return accounts.account(caller.user())
                .<HttpResponse<?>>map(account -> HttpResponse.ok(UserView.of(account)).header("Cache-Control", "no-store"))
                .orElseThrow(() -> new NotAuthenticatedException(true));
    }
}
