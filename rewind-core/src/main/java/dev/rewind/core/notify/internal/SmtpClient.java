package dev.rewind.core.notify.internal;

import dev.rewind.core.config.HostPort;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLSocketFactory;

/**
 * A small SMTP client (RFC 5321) that sends one message per connection: EHLO, STARTTLS when asked for (then EHLO
 * again), AUTH PLAIN when a username is set, MAIL FROM, RCPT TO for each recipient, DATA, QUIT.
 */
public final class SmtpClient {

    /** Who may send, and how: {@code tls} null means no STARTTLS; {@code username} null means no AUTH. */
    public record Settings(HostPort server, Duration timeout, SSLSocketFactory tls, String username, String password) {}

    private final Settings settings;

    public SmtpClient(Settings settings) {
        this.settings = settings;
    }

    /** Sends {@code message} (headers, blank line, body; CRLF line ends) from {@code from} to every recipient. */
    public void send(String from, List<String> to, String message) throws IOException {
        SmtpConnection smtp = SmtpConnection.open(settings.server(), settings.timeout());
        try {
            smtp.expect("the connection", 220);
            List<String> extensions = ehlo(smtp);
            if (settings.tls() != null) {
                if (!extensions.contains("STARTTLS")) {
                    throw new IOException("SMTP server " + settings.server() + " does not offer STARTTLS; set starttls: false to send unencrypted");
                }
                smtp.command("STARTTLS", "STARTTLS", 220);
                smtp = smtp.startTls(settings.tls());
                extensions = ehlo(smtp);
            }
            if (settings.username() != null) {
                smtp.command("AUTH PLAIN " + plainCredentials(), "AUTH PLAIN for user " + settings.username(), 235);
            }
            String body = extensions.contains("8BITMIME") ? " BODY=8BITMIME" : "";
            smtp.command("MAIL FROM:<" + from + ">" + body, "sender " + from, 250);
            for (String recipient : to) {
                smtp.command("RCPT TO:<" + recipient + ">", "recipient " + recipient, 250, 251);
            }
            smtp.command("DATA", "DATA", 354);
            smtp.data(message);
            smtp.expect("the message", 250);
            smtp.command("QUIT", "QUIT", 221);
        } finally {
            smtp.close();
        }
    }

    /** The server's extensions, upper-cased keywords: {@code STARTTLS}, {@code 8BITMIME}, {@code AUTH}… */
    private static List<String> ehlo(SmtpConnection smtp) throws IOException {
        List<String> lines = smtp.command("EHLO " + smtp.addressLiteral(), "EHLO", 250).lines();
        return lines.stream().skip(1).map(line -> line.split(" ", 2)[0].toUpperCase(Locale.ROOT)).toList();
    }

    private String plainCredentials() {
        String password = settings.password() == null ? "" : settings.password();
        String credentials = "\0" + settings.username() + "\0" + password;
        return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
