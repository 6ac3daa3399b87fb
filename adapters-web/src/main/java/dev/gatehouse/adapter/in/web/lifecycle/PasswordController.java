package dev.gatehouse.adapter.in.web.lifecycle;

import dev.gatehouse.adapter.in.web.account.BearerAuthentication;
import dev.gatehouse.adapter.in.web.body.StrictJson;
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

/**
 * What the bearer does with the current password: {@code POST /auth/password} changes it (every other
 * session ends), {@code DELETE /auth/me} deletes the account. A wrong password is a 400 problem, counted
 * like a failed sign-in; a locked account is 429 with {@code Retry-After}.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
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
    @Post(uri = "/auth/password", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> change(HttpRequest<?> request, @Body @Nullable byte[] body) {
        var caller = bearer.require(request);
        PasswordChange passwords = json.read(body, PasswordChange.class);
        return LifecycleResponses.of(change.change(caller, passwords.currentPassword(), passwords.newPassword()));
    }

    @Delete(uri = "/auth/me", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> delete(HttpRequest<?> request, @Body @Nullable byte[] body) {
        var caller = bearer.require(request);
        return LifecycleResponses.of(deletion.delete(caller, json.read(body, AccountDeletion.class).password()));
    }
}
