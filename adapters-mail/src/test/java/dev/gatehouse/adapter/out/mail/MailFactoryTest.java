package dev.gatehouse.adapter.out.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.port.out.mail.Notifications;
import dev.gatehouse.application.testing.FakeMailSealer;
import dev.gatehouse.application.testing.InMemoryOutgoingMails;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which delivery the configuration chooses, and what it refuses at start. */
class MailFactoryTest {

    @Test
    void development_mode_without_smtp_writes_each_message_with_its_link_to_the_log() throws Exception {
        var logs = Mails.captureLogs();
        try (ApplicationContext context = start(Map.of(), Environment.DEVELOPMENT)) {
            context.getBean(Notifications.class).send(Mails.aVerification("ada@example.com"));
            MailStatistics statistics = context.getBean(MailStatistics.class);
            Mails.await(() -> statistics.sent() == 1);
            assertThat(Mails.lines(logs)).anyMatch(line -> line.startsWith("DEVELOPMENT MODE: gatehouse.mail.smtp.host is not configured"))
                    .anyMatch(line -> line.contains("http://localhost:5173/verify-email#token=" + Mails.TOKEN));
        } finally {
            logs.stop();
        }
    }

    @Test
    void outside_development_mode_without_smtp_the_start_is_refused_naming_the_key() {
        assertThatThrownBy(() -> start(Map.of()).close())
                .hasStackTraceContaining("gatehouse.mail.smtp.host must be configured outside development mode");
        assertThatThrownBy(() -> start(Map.of("gatehouse.mail.smtp.host", " ")).close())
                .hasStackTraceContaining("gatehouse.mail.smtp.host must be configured outside development mode");
    }

    @Test
    void unusable_settings_stop_the_start_naming_the_key() {
        assertThatThrownBy(() -> start(Map.of("gatehouse.mail.link-base-url", "javascript:alert(1)")).close())
                .hasStackTraceContaining("gatehouse.mail.link-base-url must be an absolute http or https URL");
        assertThatThrownBy(() -> start(Map.of("gatehouse.mail.smtp.host", "127.0.0.1", "gatehouse.mail.from", "not an address")).close())
                .hasStackTraceContaining("gatehouse.mail.from must be an e-mail address");
        assertThatThrownBy(() -> start(Map.of("gatehouse.mail.smtp.host", "127.0.0.1", "gatehouse.mail.smtp.port", "70000")).close())
                .hasStackTraceContaining("gatehouse.mail.smtp.port must be between 1 and 65535");
        assertThatThrownBy(() -> start(Map.of("gatehouse.mail.smtp.host", "127.0.0.1", "gatehouse.mail.smtp.starttls", "ture")).close())
                .as("a typo must not turn STARTTLS off").hasStackTraceContaining("gatehouse.mail.smtp.starttls must be true or false, not ture");
    }

    private static ApplicationContext start(Map<String, Object> properties, String... environments) {
        return ApplicationContext.builder().properties(new HashMap<>(properties)).environments(environments)
                .singletons(Clock.systemUTC(), new InMemoryOutgoingMails(), new FakeMailSealer("k1")).start();
    }
}
