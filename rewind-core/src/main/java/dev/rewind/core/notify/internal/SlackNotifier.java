package dev.rewind.core.notify.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.core.Json;
import dev.rewind.core.notify.Announcement;
import dev.rewind.core.notify.Announcement.Event;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * Posts to a Slack incoming webhook as Block Kit: a plain-text header (the message's first line), a mrkdwn section
 * (the rest) and a context line (environment, run). Rollback start, completion and failure mention
 * {@code @channel}, as the runbook's announcements do.
 */
public final class SlackNotifier implements Notifier {

    /** Block Kit's limits: a header's plain text, a section's text. */
    public static final int HEADER_LIMIT = 150;
    public static final int SECTION_LIMIT = 3000;
    private static final int TEXT_LIMIT = 4000;
    private static final Set<Event> CHANNEL_EVENTS = Set.of(Event.ROLLBACK_STARTED, Event.ROLLBACK_COMPLETED, Event.ROLLBACK_FAILED);

    private final URI url;
    private final HttpPost post;

    public SlackNotifier(URI url, HttpPost post) {
        this.url = url;
        this.post = post;
    }

    @Override
    public String name() {
        return "slack";
    }

    @Override
    public void send(Announcement announcement, String text) throws IOException, InterruptedException {
        post.send(url, payload(announcement, text), Map.of());
    }

    /** The Block Kit message of an announcement. */
    public static String payload(Announcement announcement, String text) {
        String title = Texts.title(announcement, text);
        String body = Texts.afterFirstLine(text);
        String mention = CHANNEL_EVENTS.contains(announcement.event()) ? "<!channel> " : "";
        ObjectNode message = Json.mapper().createObjectNode();
        message.put("text", Texts.cut(mention + escape(text), TEXT_LIMIT));
        ArrayNode blocks = message.putArray("blocks");
        blocks.addObject().put("type", "header").set("text", plainText(Texts.cut(title, HEADER_LIMIT)));
        if (!body.isBlank() || !mention.isEmpty()) {
            blocks.addObject().put("type", "section").set("text", mrkdwn(Texts.cut(mention + escape(body), SECTION_LIMIT)));
        }
        blocks.addObject().put("type", "context").putArray("elements").add(mrkdwn(escape(context(announcement))));
        return message.toString();
    }

    private static String context(Announcement announcement) {
        String run = announcement.runId() == null ? "" : " · run " + announcement.runId();
        return "Rewind · " + announcement.environment() + run + " · " + announcement.event().id();
    }

    private static ObjectNode plainText(String text) {
        return Json.mapper().createObjectNode().put("type", "plain_text").put("text", text).put("emoji", true);
    }

    private static ObjectNode mrkdwn(String text) {
        return Json.mapper().createObjectNode().put("type", "mrkdwn").put("text", text);
    }

    /** Slack's required escaping of {@code & < >} in message text. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
