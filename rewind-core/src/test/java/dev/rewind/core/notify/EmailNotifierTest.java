package dev.rewind.core.notify;

import static dev.rewind.core.notify.NotifyFixture.AT;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmailNotifierTest {

    private static final Notifiers.Options ONCE = new Notifiers.Options(Duration.ofSeconds(5), 1, Duration.ZERO);

    @TempDir
    Path project;
    private GreenMail mail;

    @BeforeEach
    void start() {
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
    }

    @AfterEach
    void stop() {
        mail.stop();
    }

    @Test
    void mailsTheMessageToEveryRecipient() throws Exception {
        try (Notifiers notifiers = notifiers("")) {
            notifiers.announce(NotifyFixture.rollbackStarted());

            assertThat(notifiers.flush(Duration.ofSeconds(10))).singleElement().satisfies(delivery -> {
                assertThat(delivery.ok()).as(delivery.toString()).isTrue();
                assertThat(delivery.notifier()).isEqualTo("email ops@example.com,dba@example.com");
            });
        }

        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(2);
        MimeMessage message = received[0];
        assertThat(message.getSubject()).isEqualTo("ROLLBACK IN PROGRESS");
        assertThat(message.getFrom()).containsExactly(new InternetAddress("rewind@example.com"));
        assertThat(message.getRecipients(Message.RecipientType.TO))
                .containsExactly(new InternetAddress("ops@example.com"), new InternetAddress("dba@example.com"));
        assertThat(message.getSentDate()).isEqualTo(Date.from(AT.minusMillis(AT.toEpochMilli() % 1000)));
        assertThat(message.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(body(message)).isEqualTo(Messages.builtIn().render(NotifyFixture.rollbackStarted()));
    }

    @Test
    void linesStartingWithADotAndNonAsciiSubjectsSurvive() throws Exception {
        Announcement failed = new Announcement(Announcement.Event.ROLLBACK_FAILED, "production", "r-42", AT, Map.of(
                "step", "restore db", "error", "pg_restore said:\n.\n..hidden\ndone",
                "resume_command", "rewind rollback production --resume r-42"));
        try (Notifiers notifiers = notifiers("")) {
            notifiers.announce(failed);
            notifiers.announce(NotifyFixture.stepDone("restore db — shop", Duration.ofMillis(2300)));

            assertThat(notifiers.flush(Duration.ofSeconds(10))).allSatisfy(delivery -> assertThat(delivery.ok()).as(delivery.toString()).isTrue());
        }

        List<MimeMessage> toOps = mail.findReceivedMessages(user -> user.getEmail().equals("ops@example.com"), message -> true).toList();
        assertThat(toOps).hasSize(2);
        assertThat(body(toOps.get(0))).isEqualTo(Messages.builtIn().render(failed)).contains("\n.\n..hidden\n");
        assertThat(toOps.get(1).getSubject()).isEqualTo("✓ restore db — shop 2.3s");
    }

    @Test
    void authenticatesWithPlainCredentials() throws Exception {
        mail.setUser("rewind@example.com", "rewind", "s3cret");

        try (Notifiers notifiers = notifiers("username: rewind\npassword: s3cret")) {
            notifiers.announce(NotifyFixture.rollbackStarted());

            assertThat(notifiers.flush(Duration.ofSeconds(10))).singleElement().satisfies(delivery -> assertThat(delivery.ok()).isTrue());
        }
        assertThat(mail.getReceivedMessages()).hasSize(2);
    }

    @Test
    void aRefusedLoginIsAFailedDeliveryThatNamesTheUser() {
        mail.setUser("rewind@example.com", "rewind", "s3cret");

        try (Notifiers notifiers = notifiers("username: rewind\npassword: wrong")) {
            notifiers.announce(NotifyFixture.rollbackStarted());

            assertThat(notifiers.flush(Duration.ofSeconds(10))).singleElement().satisfies(delivery -> {
                assertThat(delivery.ok()).isFalse();
                assertThat(delivery.error()).startsWith("SMTP server 127.0.0.1:%d refused AUTH PLAIN for user rewind: 535".formatted(port()));
            });
        }
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void starttlsIsRequiredWhenAskedFor() {
        try (Notifiers notifiers = notifiers("starttls: true")) {
            notifiers.announce(NotifyFixture.rollbackStarted());

            assertThat(notifiers.flush(Duration.ofSeconds(10))).singleElement().satisfies(delivery -> {
                assertThat(delivery.ok()).isFalse();
                assertThat(delivery.error()).isEqualTo(
                        "SMTP server 127.0.0.1:%d does not offer STARTTLS; set starttls: false to send unencrypted".formatted(port()));
            });
        }
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    private Notifiers notifiers(String extra) {
        String notify = """
                - email: [ ops@example.com, dba@example.com ]
                  smtp: "127.0.0.1:%d"
                  from: rewind@example.com
                """.formatted(port()) + extra.indent(2);
        return Notifiers.of("production", NotifyFixture.env(notify), project, text -> {}, ONCE);
    }

    private int port() {
        return mail.getSmtp().getPort();
    }

    private static String body(MimeMessage message) throws Exception {
        return ((String) message.getContent()).replace("\r\n", "\n");
    }
}
