package dev.rewind.core.notify.internal;

import dev.rewind.core.config.NotifierConfig;
import dev.rewind.core.notify.Announcement;
import java.io.IOException;
import java.time.Duration;
import javax.net.ssl.SSLSocketFactory;

/** Emails each announcement over SMTP, one connection per message. */
public final class EmailNotifier implements Notifier {

    private final NotifierConfig.Email config;
    private final SmtpClient smtp;

    public EmailNotifier(NotifierConfig.Email config, Duration timeout) {
        this.config = config;
        SSLSocketFactory tls = config.starttls() ? (SSLSocketFactory) SSLSocketFactory.getDefault() : null;
        this.smtp = new SmtpClient(new SmtpClient.Settings(config.smtp(), timeout, tls, config.username(), config.password()));
    }

    /** {@code email ops@example.com,dba@example.com}. */
    @Override
    public String name() {
        return "email " + String.join(",", config.email());
    }

    @Override
    public void send(Announcement announcement, String text) throws IOException {
        smtp.send(config.from(), config.email(), MailText.of(announcement, text, config.from(), config.email()));
    }
}
