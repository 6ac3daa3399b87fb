package dev.gatehouse.adapter.in.web.bff;

import dev.gatehouse.application.port.in.RefreshTokensUseCase;
import dev.gatehouse.application.port.in.RefreshTokensUseCase.RefreshCommand;
import dev.gatehouse.application.port.in.RefreshTokensUseCase.RefreshResult;
import dev.gatehouse.domain.token.ClientId;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most one refresh in flight per refresh token in this instance: concurrent proxied requests of one
 * session with an expired access cookie wait for the first one's rotation and share its result.
 * Requests arriving after it completed still carry the old cookie; within the reuse grace they get the
 * same successor (no second rotation), across instances too.
 */
@Singleton
final class SingleFlightRefresh {

    private final RefreshTokensUseCase refresh;
    private final ConcurrentHashMap<String, CompletableFuture<RefreshResult>> inFlight = new ConcurrentHashMap<>();

    SingleFlightRefresh(RefreshTokensUseCase refresh) {
        this.refresh = refresh;
    }

    RefreshResult refresh(String refreshToken, ClientId client, String clientAddress) {
        var mine = new CompletableFuture<RefreshResult>();
        var running = inFlight.putIfAbsent(refreshToken, mine);
        if (running != null) {
            return join(running);
        }
        try {
            RefreshResult result = refresh.refresh(new RefreshCommand(refreshToken, client, clientAddress));
            mine.complete(result);
            return result;
        } catch (RuntimeException failure) {
            mine.completeExceptionally(failure);
            throw failure;
        } finally {
            inFlight.remove(refreshToken, mine);
        }
    }

    private static RefreshResult join(CompletableFuture<RefreshResult> running) {
        try {
            return running.join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime ? runtime : failed;
        }
    }
}
