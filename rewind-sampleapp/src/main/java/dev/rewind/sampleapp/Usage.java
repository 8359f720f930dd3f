package dev.rewind.sampleapp;

/** The --help text. */
final class Usage {

    static final String SYNOPSIS = "java -jar sampleapp-all.jar --version V [--port N] [--host H] [--db JDBC_URL]"
            + " [--files DIR] [--fail-rate R] [--latency D] [--health-fail-after D] [--crash-after D] [--no-start]";

    static final String TEXT = "usage: " + SYNOPSIS + """


            A small HTTP service with a schema per version and failure modes, for Rewind's demo and tests.
            Prints one line, "sampleapp V listening on http://HOST:PORT", once it serves.

              --version V              required; its major (first integer: v2 -> 2) picks migrations 1..min(major, 3)
              --port N                 port to listen on, default 8080; 0 picks a free port
              --host H                 address to listen on, default 127.0.0.1
              --db JDBC_URL            e.g. jdbc:postgresql://localhost:5432/shop?user=postgres;
                                       without it /api answers 503 and /health is unhealthy
              --files DIR              write item bodies to DIR/items/<id>.txt
              --fail-rate R            exactly this share (0..1) of /api requests answer 500
              --latency D              delay every request but /metrics by D (800ms, 5s, 2m)
              --health-fail-after D    after D, /health answers 503 unhealthy
              --crash-after D          after D, exit 1
              --no-start               exit 1 at once, before listening
            """;

    private Usage() {}
}
