package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.PublicKeysQuery;
import dev.gatehouse.application.port.out.AccessTokens;
import java.util.Map;

/** Publishes the verification keys of the access-token signer. */
public final class PublicKeysService implements PublicKeysQuery {

    private final AccessTokens accessTokens;

    public PublicKeysService(AccessTokens accessTokens) {
        this.accessTokens = accessTokens;
    }

    @Override
    public Map<String, Object> publicKeySet() {
        return accessTokens.publicKeySet();
    }
}
