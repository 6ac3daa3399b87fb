package dev.gatehouse.adapter.in.web.lifecycle;

import dev.gatehouse.adapter.in.web.account.BearerAuthentication;
import dev.gatehouse.adapter.in.web.body.StrictJson;
import dev.gatehouse.adapter.in.web.problem.Problem;
import dev.gatehouse.adapter.in.web.problem.ProblemResponses;
import dev.gatehouse.application.port.in.lifecycle.ChangePasswordUseCase;
import dev.gatehouse.application.port.in.lifecycle.DeleteAccountUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * What the bearer does with the current password: {@code POST /auth/password} changes it (every other
 * session ends), {@code DELETE /auth/me} deletes the account. A wrong password is a 400 problem, counted
 * like a failed sign-in; a locked account is 429 with {@code Retry-After}.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Account lifecycle")
@SecurityRequirement(name = "bearer")
@ProblemResponses.Unauthenticated
@ProblemResponses.Throttled
@ProblemResponses.Unavailable
final class PasswordController {

    private final ChangePasswordUseCase change;
    private final DeleteAccountUseCase deletion;
    private final BearerAuthentication bearer;
    private final StrictJson json;

    PasswordController(ChangePasswordUseCase change, DeleteAccountUseCase deletion, BearerAuthentication bearer, StrictJson json) {
        this.change = change;
        this.deletion = deletion;
        this.bearer = bearer;
        this.json = json;
    }

    @Serdeable
    record PasswordChange(String currentPassword, String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[redacted]";
        }
    }

    @Serdeable
    record AccountDeletion(String password) {
        @Override
        public String toString() {
            return "AccountDeletion[redacted]";
        }
    }

    /** The bearer is checked before the body, so an anonymous caller learns nothing but 401. */
    @ProblemResponses.BodylessSuccess
    @Post(uri = "/auth/password", consumes = MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the caller's password",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PasswordChange.class))))
    @ApiResponse(responseCode = "204", description = "Changed; every other session of the account ended, this one kept")
    @ApiResponse(responseCode = "400", description = "The current password is wrong (`wrong-password`, counted like a sign-in), the new one breaks a rule (`errors`), or the body is malformed",
            content = @Content(mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ProblemResponses.UnsupportedMediaType
    HttpResponse<?> change(HttpRequest<?> request, @Body @Nullable byte[] body) {
        var caller = bearer.require(request);
        PasswordChange passwords = json.read(body, PasswordChange.class);
        return LifecycleResponses.of(change.change(caller, passwords.currentPassword(), passwords.newPassword()));
    }

    @ProblemResponses.BodylessSuccess
    @Delete(uri = "/auth/me", consumes = MediaType.APPLICATION_JSON)
    @Operation(summary = "Delete the caller's account; the e-mail address can register again",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AccountDeletion.class))))
    @ApiResponse(responseCode = "204", description = "The account, its sessions and its tokens are gone")
    @ApiResponse(responseCode = "400", description = "The password is wrong (`wrong-password`, counted like a sign-in), or the body is malformed",
            content = @Content(mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ProblemResponses.UnsupportedMediaType
    HttpResponse<?> delete(HttpRequest<?> request, @Body @Nullable byte[] body) {
        var caller = bearer.require(request);
        return LifecycleResponses.of(deletion.delete(caller, json.read(body, AccountDeletion.class).password()));
    }
}
