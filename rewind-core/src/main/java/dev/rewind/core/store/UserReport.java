package dev.rewind.core.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One user's report that something is wrong with an environment ({@code rewind report-issue ENV --by NAME}).
 *
 * @param id          {@code rep-…}, see {@link #create}
 * @param environment the environment reported
 * @param reporter    who reported it; reports are counted once per reporter
 * @param note        what the user saw, or null
 * @param at          when it was reported (kept to the millisecond)
 */
public record UserReport(String id, String environment, String reporter, String note, Instant at) {

    public UserReport {
        requireNonNull(id, "id");
        requireNonNull(environment, "environment");
        requireNonNull(reporter, "reporter");
        at = Values.requiredMillis(at, "at");
    }

    /** A new report with a fresh id. */
    public static UserReport create(String environment, String reporter, String note, Instant at) {
        return new UserReport(Ids.next("rep"), environment, reporter, note, at);
    }
}
