package dev.gatehouse.adapter.in.web.account;

import dev.gatehouse.adapter.in.web.problem.NotAuthenticatedException;
import dev.gatehouse.application.port.in.AccountQuery;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** {@code GET /auth/me}: the caller's account. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class AccountController {

    private final AccountQuery accounts;
    private final BearerAuthentication bearer;

    AccountController(AccountQuery accounts, BearerAuthentication bearer) {
        this.accounts = accounts;
        this.bearer = bearer;
    }

    @Get("/auth/me")
    HttpResponse<?> me(HttpRequest<?> request) {
        var caller = bearer.require(request);
        return accounts.account(caller.user())
                .<HttpResponse<?>>map(account -> HttpResponse.ok(UserView.of(account)).header("Cache-Control", "no-store"))
                .orElseThrow(() -> new NotAuthenticatedException(true));
    }
}
