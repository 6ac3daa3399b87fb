package dev.gatehouse.application.port.in;

import java.util.Map;

/** The JWK Set (RFC 7517) by which anybody can verify access tokens offline. */
public interface PublicKeysQuery {

    Map<String, Object> publicKeySet();
}
