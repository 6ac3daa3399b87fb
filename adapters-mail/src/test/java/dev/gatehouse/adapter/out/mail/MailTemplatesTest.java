package dev.gatehouse.adapter.out.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.out.mail.Notification;
import dev.gatehouse.domain.token.ClientId;
import dev.gatehouse.domain.user.EmailAddress;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MailTemplatesTest {

    private final MailTemplates templates = new MailTemplates("https://app.example/base/");

    @Test
    void a_reset_link_points_at_the_frontend_with_the_token_in_the_fragment_and_its_lifetime() {
        var message = templates.render(new Notification.PasswordReset(EmailAddress.of("ada@example.com"), Mails.TOKEN,
                Duration.ofMinutes(30)));
        assertThat(message.kind()).isEqualTo("password_reset");
        assertThat(message.text()).contains("https://app.example/base/reset-password#token=" + Mails.TOKEN).contains("30 minutes");
        assertThat(message.html()).contains("href=\"https://app.example/base/reset-password#token=" + Mails.TOKEN + "\"");
        assertThat(message.toString()).doesNotContain(Mails.TOKEN);
    }

    @Test
    void a_stolen_session_notice_says_it_was_ended_and_names_the_client() {
        var message = templates.render(new Notification.SessionStolen(EmailAddress.of("ada@example.com"),
                new ClientId("web"), Instant.parse("2026-05-01T08:00:00Z"), Instant.parse("2026-05-01T10:00:00Z")));
        assertThat(message.subject()).isEqualTo("Someone may have copied your session");
        assertThat(message.text()).contains("someone may have copied your session; it was ended on 2026-05-01 10:00 UTC")
                .contains("client web");
    }

    @Test
    void account_text_is_escaped_in_html() {
        assertThat(MailTemplates.escape("<a href=\"x\">'&'</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }

    @Test
    void lifetimes_read_naturally() {
        assertThat(MailTemplates.describe(Duration.ofHours(24))).isEqualTo("24 hours");
        assertThat(MailTemplates.describe(Duration.ofHours(1))).isEqualTo("1 hour");
        assertThat(MailTemplates.describe(Duration.ofMinutes(90))).isEqualTo("90 minutes");
        assertThat(MailTemplates.describe(Duration.ofMinutes(1))).isEqualTo("1 minute");
        assertThat(MailTemplates.describe(Duration.ofSeconds(90))).as("never more than it is").isEqualTo("1 minute");
        assertThat(MailTemplates.describe(Duration.ofSeconds(3))).isEqualTo("3 seconds");
    }
}
