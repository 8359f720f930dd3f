package dev.rewind.core.config;

import java.util.List;

/** The checks a rollback runs after the probes: HTTP smoke tests and SQL assertions. */
public record VerifyConfig(List<SmokeCheck> smoke, List<SqlCheck> sql) {

    public VerifyConfig {
        smoke = smoke == null ? List.of() : smoke;
        sql = sql == null ? List.of() : sql;
    }

    /** An HTTP request ({@code "GET http://…"}, the method is optional) whose answer must match {@code expect}. */
    public record SmokeCheck(@Required String name, @Required HttpRequestLine http, HttpExpect expect) {
        public SmokeCheck {
            expect = expect == null ? new HttpExpect(null, null, null) : expect;
        }
    }

    /** A query on a postgres datastore that must return true. */
    public record SqlCheck(@Required String name, @Required String datastore, @Required String query) {}
}
