package dev.rewind.sampleapp;

import java.sql.SQLException;

/** Turns an unexpected exception into a 5xx answer whose error says what broke. */
final class Failures {

    private Failures() {}

    static Response toResponse(Exception e) {
        if (e instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
            return Response.error(503, "database unavailable: " + sql.getMessage());
        }
        return Response.error(500, "unexpected " + e.getClass().getSimpleName() + ": " + oneLine(e.getMessage()));
    }

    private static String oneLine(String message) {
        return message == null ? "(no message)" : message.replace('\n', ' ');
    }
}
