package dev.rewind.core.config;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Where announcements go. The first key says which kind: {@code console}, {@code slack}, {@code webhook} or {@code email}. */
public sealed interface NotifierConfig {

    /** Prints announcements on the terminal ({@code console: true}). */
    record Console(@Required Boolean console) implements NotifierConfig {}

    /** A Slack incoming webhook URL. */
    record Slack(@Required URI slack) implements NotifierConfig {}

    /** A generic JSON webhook, with optional extra headers (e.g. an Authorization header). */
    record Webhook(@Required URI webhook, Map<String, String> headers) implements NotifierConfig {
        public Webhook {
            headers = headers == null ? Map.of() : headers;
        }
    }

    /** Email over SMTP to the listed addresses. */
    record Email(@Required List<String> email, @Required HostPort smtp, @Required String from,
                 String username, String password, Boolean starttls) implements NotifierConfig {
        public Email {
            starttls = starttls != null && starttls;
        }
    }
}
