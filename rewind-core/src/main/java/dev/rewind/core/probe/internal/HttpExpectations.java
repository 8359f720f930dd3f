package dev.rewind.core.probe.internal;

import dev.rewind.core.config.HttpExpect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges one HTTP answer against {@code expect}: the status first (a wrong status is the whole story), then the
 * body assertion and the latency, both reported when both fail.
 */
final class HttpExpectations {

    /** The most of a body a {@link dev.rewind.core.probe.ProbeResult} keeps. */
    static final int RESULT_BODY = 64 * 1024;

    private final String requestLine;
    private final HttpExpect expect;
    private final BodyAssertion body;

    HttpExpectations(String requestLine, HttpExpect expect) {
        this.requestLine = requestLine;
        this.expect = expect;
        this.body = expect.body() == null ? null : BodyAssertion.compile(expect.body());
    }

    Outcome judge(int status, String text, Duration took, String location) {
        String kept = text.length() <= RESULT_BODY ? text : text.substring(0, RESULT_BODY);
        if (status != expect.status()) {
            return Outcome.failed(wrongStatus(status, text, location), status, kept);
        }
        List<String> problems = new ArrayList<>();
        if (body != null) {
            body.failure(text, status).ifPresent(problems::add);
        }
        if (expect.maxLatency() != null && took.compareTo(expect.maxLatency()) > 0) {
            problems.add("took " + Texts.took(took) + ", max_latency is " + Texts.limit(expect.maxLatency()));
        }
        return problems.isEmpty() ? Outcome.passed(status, kept) : Outcome.failed(String.join("; ", problems), status, kept);
    }

    private String wrongStatus(int status, String text, String location) {
        String answer = requestLine + " answered " + status + " (expected " + expect.status() + ")";
        if (location != null && status >= 300 && status < 400) {
            return answer + ", redirecting to " + location;
        }
        return text.isBlank() ? answer + " with an empty body" : answer + ": " + Texts.excerpt(text, Texts.EXCERPT);
    }
}
