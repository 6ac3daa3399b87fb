package dev.gatehouse.adapter.out.security;

import dev.gatehouse.application.port.out.ServiceClients;
import dev.gatehouse.domain.client.ServiceClient;
import dev.gatehouse.domain.token.ClientId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Service clients with the SHA-256 digests of their secrets; the secrets themselves are not kept. A
 * presented secret is digested and compared with {@link MessageDigest#isEqual} against every digest of
 * the client (an unknown client against a stand-in), so the comparison takes the same time whatever the
 * presented secret's length and however much of it is right. A fast digest suffices: secrets are at least
 * 32 characters of machine-made randomness (docs/operations.md), not passwords.
 */
public final class DigestServiceClients implements ServiceClients {

    /** A service client and its secrets: the current one first, during a rotation also the previous one. */
    public record Registration(ServiceClient client, List<String> secrets) {
        public Registration {
            Objects.requireNonNull(client, "client");
            secrets = List.copyOf(secrets);
            if (secrets.isEmpty()) {
                throw new IllegalArgumentException("a service client has a secret");
            }
        }

        @Override
        public String toString() {
            return "Registration[" + client + ", secrets redacted]";
        }
    }

    private record Entry(ServiceClient client, List<byte[]> digests) {
    }

    private static final List<byte[]> STAND_IN = List.of(new byte[32]);

    private final Map<ClientId, Entry> clients;

    public DigestServiceClients(List<Registration> registrations) {
        this.clients = registrations.stream()
                .map(registration -> new Entry(registration.client(), registration.secrets().stream().map(DigestServiceClients::digest).toList()))
                .collect(Collectors.toUnmodifiableMap(entry -> entry.client().id(), Function.identity()));
    }

    @Override
    public Optional<ServiceClient> find(ClientId id) {
        return Optional.ofNullable(clients.get(id)).map(Entry::client);
    }

    @Override
    public Optional<ServiceClient> authenticate(ClientId id, String secret) {
        Entry entry = clients.get(id);
        byte[] presented = digest(secret);
        boolean matches = false;
        for (byte[] expected : entry == null ? STAND_IN : entry.digests()) {
            matches |= MessageDigest.isEqual(presented, expected);
        }
        return matches && entry != null ? Optional.of(entry.client()) : Optional.empty();
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException notOnThisJvm) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", notOnThisJvm);
        }
    }
}
