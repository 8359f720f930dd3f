package dev.rewind.testkit;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Reads server-sent events as a browser's fetch() does: a plain GET whose body is read line by line as it comes. */
public final class EventStream implements AutoCloseable {

    /** One event: its {@code event:} name and its {@code data:}. */
    public record Event(String name, String data) {}

    private static final Event END = new Event(null, null);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    private EventStream(HttpResponse<Stream<String>> response) {
        this.response = response;
    }

    /** Sends the GET and reads its events in the background. */
    public static EventStream open(HttpRequest.Builder request) throws IOException, InterruptedException {
        EventStream stream = new EventStream(HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofLines()));
        Thread.ofVirtual().start(stream::read);
        return stream;
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The next event; fails if none comes within a minute or the stream ended. */
    public Event next() throws InterruptedException {
        Event event = events.poll(1, TimeUnit.MINUTES);
        if (event == null || event == END) {
            throw new AssertionError(event == null ? "no event within a minute" : "the stream ended");
        }
        return event;
    }

    /** True once the server ended the stream with no further event. */
    public boolean ended() throws InterruptedException {
        return events.poll(1, TimeUnit.MINUTES) == END;
    }

    private void read() {
        String name = null;
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
                String line = it.next();
                if (line.startsWith("event: ")) {
                    name = line.substring("event: ".length());
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring("data: ".length()));
                } else if (line.isEmpty() && name != null) {
                    events.add(new Event(name, data.toString()));
                    name = null;
                    data.setLength(0);
                }
            }
        } finally {
            events.add(END);
        }
    }

    @Override
    public void close() {
        response.body().close();
    }
}
