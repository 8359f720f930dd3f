package dev.rewind.core.backup.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgToolsTest {

    @Test
    void findsTheMachinesClientToolsAndTheirVersion() {
        PgTools tools = PgTools.find(15);

        assertThat(tools.pgDump()).isAbsolute().hasFileName("pg_dump");
        assertThat(tools.pgRestore()).isAbsolute().hasFileName("pg_restore");
        assertThat(tools.major()).isGreaterThanOrEqualTo(15);
    }

    @Test
    void aPathWithoutPgDumpSaysHowToFixIt(@TempDir Path empty) {
        String path = empty + ":/nonexistent/bin";

        assertThatThrownBy(() -> PgTools.find(path, 15))
                .isInstanceOf(RewindException.class)
                .hasMessage("pg_dump not found on PATH (" + path + ")\n    fix: install postgresql-client-15"
                        + " (apt-get install postgresql-client), or use `strategy: clone`, which needs no client tools")
                .satisfies(e -> assertThat(((RewindException) e).code()).isEqualTo(ErrorCode.FAILED));
    }

    @Test
    void aClientOlderThanTheServerNamesBothVersions(@TempDir Path bin) throws IOException {
        script(bin, "pg_dump", "echo 'pg_dump (PostgreSQL) 14.9'");
        script(bin, "pg_restore", "echo 'pg_restore (PostgreSQL) 14.9'");

        assertThatThrownBy(() -> PgTools.find(bin.toString(), 15))
                .isInstanceOf(RewindException.class)
                .hasMessageContaining("pg_dump is version 14 but the server is PostgreSQL 15; pg_dump must be at least"
                        + " the server's version\n    fix: install postgresql-client-15")
                .hasMessageContaining("apt-get install postgresql-client-15");
    }

    @Test
    void anUnreadableVersionIsAnError(@TempDir Path bin) throws IOException {
        script(bin, "pg_dump", "echo 'something else'; exit 3");
        script(bin, "pg_restore", "echo 'pg_restore (PostgreSQL) 15.1'");

        assertThatThrownBy(() -> PgTools.find(bin.toString(), 15))
                .isInstanceOf(RewindException.class)
                .hasMessageContaining("exited 3 and printed \"something else\"");
    }

    private static void script(Path dir, String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
