package dev.gatehouse.bootstrap;

import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns at start about every configuration key under {@code gatehouse.} that the service does not read, with
 * the known key nearest to it: a misspelt {@code gatehouse.tokens.acess-ttl} would otherwise leave the default in
 * force without a word. The start goes on, since the environment may hold variables of the same prefix meant for
 * something else ({@code GATEHOUSE_VERSION} of an image). Keys are compared as Micronaut binds them, whatever their
 * spelling: YAML, system property or environment variable ({@code GATEHOUSE_TOKENS_ACCESS_TTL}), kebab or camel
 * case. {@link #KNOWN} is the key column of docs/operations.md's configuration table; a test keeps them equal, and
 * another that no {@code GATEHOUSE_…} variable the docs name is reported.
 */
@Singleton
final class UnknownConfigurationKeys implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(UnknownConfigurationKeys.class);
    private static final String CLIENT_ID = "<id>";
    private static final Pattern LIST_INDEX = Pattern.compile("\\[\\d+]");
    private static final Pattern SEPARATORS = Pattern.compile("[._-]");

    /** Every key under {@code gatehouse.} that the service reads; {@code <id>} stands for a client id. */
    static final List<String> KNOWN = List.of(
            "gatehouse.issuer", "gatehouse.audience",
            "gatehouse.tokens.access-ttl", "gatehouse.tokens.refresh-idle-ttl", "gatehouse.tokens.refresh-absolute-ttl",
            "gatehouse.tokens.reuse-grace", "gatehouse.tokens.signing-algorithm", "gatehouse.tokens.access-token-type",
            "gatehouse.clients.<id>.delivery", "gatehouse.clients.<id>.secret", "gatehouse.clients.<id>.previous-secret",
            "gatehouse.clients.<id>.scopes", "gatehouse.clients.<id>.allowed-origins",
            "gatehouse.bff.client-id", "gatehouse.bff.upstream-url", "gatehouse.bff.connect-timeout", "gatehouse.bff.read-timeout",
            "gatehouse.throttle.sign-in-failures-per-account", "gatehouse.throttle.first-lock", "gatehouse.throttle.longest-lock",
            "gatehouse.throttle.sign-in-failures-per-account-per-minute", "gatehouse.throttle.sign-in-requests-per-ip-per-minute",
            "gatehouse.throttle.registrations-per-ip-per-hour", "gatehouse.throttle.password-resets-per-email-per-hour",
            "gatehouse.throttle.password-resets-per-ip-per-hour", "gatehouse.throttle.email-verifications-per-account-per-hour",
            "gatehouse.trusted-proxies", "gatehouse.retention.security-events",
            "gatehouse.password-hashing.max-concurrent", "gatehouse.password-hashing.max-queued", "gatehouse.password-hashing.max-wait",
            "gatehouse.request-threads.idle", "gatehouse.server.request-head-timeout",
            "gatehouse.mail.smtp.host", "gatehouse.mail.smtp.port", "gatehouse.mail.smtp.starttls", "gatehouse.mail.smtp.username",
            "gatehouse.mail.smtp.password", "gatehouse.mail.smtp.timeout", "gatehouse.mail.from", "gatehouse.mail.link-base-url",
            "gatehouse.mail.reset-ttl", "gatehouse.mail.max-attempts", "gatehouse.mail.first-retry-delay", "gatehouse.mail.queue-capacity",
            "gatehouse.mail.poll-interval",
            "gatehouse.purge.interval", "gatehouse.metrics.enabled", "gatehouse.shutdown.drain",
            "gatehouse.keys.signing", "gatehouse.keys.refresh-secrets", "gatehouse.keys.refresh-secret");

    /** Environment variables the service reads itself, before any configuration: not keys, and not unknown. */
    static final List<String> READ_BEFORE_CONFIGURATION = List.of(LogFormat.VARIABLE);

    private static final List<Pattern> BOUND = KNOWN.stream().map(UnknownConfigurationKeys::asBound).toList();

    private final Environment environment;

    UnknownConfigurationKeys(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void onApplicationEvent(StartupEvent started) {
        unknownIn(environment.getPropertySources()).forEach((key, nearest) -> LOG.warn(
                "configuration key {} is not one the service reads and has no effect; did you mean {}? (docs/operations.md, Configuration)",
                key, nearest));
    }

    /** The keys under {@code gatehouse.} in {@code sources} that the service does not read, each with the known key nearest to it. */
    static Map<String, String> unknownIn(Collection<PropertySource> sources) {
        Map<String, String> unknown = new TreeMap<>();
        for (PropertySource source : sources) {
            for (String key : source) {
                String lower = key.toLowerCase(Locale.ROOT);
                if ((lower.startsWith("gatehouse.") || lower.startsWith("gatehouse_")) && !isKnown(key)
                        && !READ_BEFORE_CONFIGURATION.contains(key)) {
                    unknown.put(key, nearest(key));
                }
            }
        }
        return unknown;
    }

    static boolean isKnown(String key) {
        String bound = bound(key);
        return BOUND.stream().anyMatch(known -> known.matcher(bound).matches());
    }

    /** A key as Micronaut binds it: list indexes, case and the separators {@code . - _} do not count. */
    private static String bound(String key) {
        return SEPARATORS.matcher(LIST_INDEX.matcher(key).replaceAll("").toLowerCase(Locale.ROOT)).replaceAll("");
    }

    private static Pattern asBound(String known) {
        return Pattern.compile(bound(known).replace(bound(CLIENT_ID), "[a-z0-9]+"));
    }

    private static String nearest(String key) {
        String bound = bound(key);
        return KNOWN.stream().min(Comparator.comparingInt(known -> distance(bound(known.replace(CLIENT_ID, "")), bound))).orElseThrow();
    }

    /** Levenshtein distance: the fewest single-character edits that turn {@code a} into {@code b}. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
