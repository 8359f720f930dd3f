package dev.rewind.cli.demo;

import dev.rewind.core.RewindException;
import dev.rewind.core.backup.postgres.PgTools;

/** The demo's database backup strategy: {@code dump} when a pg_dump 15 or newer is on PATH, else {@code clone}. */
record Strategy(String name, String reason) {

    static Strategy pick(String path) {
        try {
            PgTools tools = PgTools.find(path, 15);
            return new Strategy("dump", "pg_dump " + tools.major() + " found at " + tools.pgDump());
        } catch (RewindException e) {
            return new Strategy("clone", "no pg_dump 15 or newer on PATH, so PostgreSQL copies the database itself"
                    + " (CREATE DATABASE … TEMPLATE)");
        }
    }
}
