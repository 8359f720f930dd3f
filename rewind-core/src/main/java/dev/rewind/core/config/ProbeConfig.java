package dev.rewind.core.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** One health check. The first key says which kind: {@code http}, {@code tcp}, {@code command} or {@code sql}. */
public sealed interface ProbeConfig {

    Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** The probe's name in output and rules; defaults to its target. */
    String name();

    Duration interval();

    Duration timeout();

    /** An HTTP request whose status, body and latency are checked. */
    record Http(@Required URI http, String name, String method, Map<String, String> headers,
                Duration interval, Duration timeout, HttpExpect expect) implements ProbeConfig {
        public Http {
            name = name == null ? String.valueOf(http) : name;
            method = method == null ? "GET" : method;
            headers = headers == null ? Map.of() : headers;
            interval = interval == null ? DEFAULT_INTERVAL : interval;
            timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
            expect = expect == null ? new HttpExpect(null, null, null) : expect;
        }
    }

    /** A TCP connect to {@code host:port}. */
    record Tcp(@Required HostPort tcp, String name, Duration interval, Duration timeout) implements ProbeConfig {
        public Tcp {
            name = name == null ? String.valueOf(tcp) : name;
            interval = interval == null ? DEFAULT_INTERVAL : interval;
            timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        }
    }

    /** A shell command that must exit with the expected code. */
    record Command(@Required String command, String name, Integer exit, Duration interval, Duration timeout)
            implements ProbeConfig {
        public Command {
            name = name == null ? command : name;
            exit = exit == null ? 0 : exit;
            interval = interval == null ? DEFAULT_INTERVAL : interval;
            timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        }
    }

    /** A query on a postgres datastore that must return true. */
    record Sql(@Required String sql, @Required String datastore, String name, Duration interval, Duration timeout)
            implements ProbeConfig {
        public Sql {
            name = name == null ? datastore + ": " + sql : name;
            interval = interval == null ? DEFAULT_INTERVAL : interval;
            timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        }
    }
}
