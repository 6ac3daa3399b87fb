package dev.gatehouse.adapter.in.web.body;

import dev.gatehouse.adapter.in.web.problem.Responses;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A {@link MalformedBodyException} is a 400 {@code malformed-request} problem naming the fields at fault. */
@Singleton
final class MalformedBodyHandler implements ExceptionHandler<MalformedBodyException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, MalformedBodyException malformed) {
        return Responses.malformed(malformed.getMessage(), malformed.errors());
    }
}
