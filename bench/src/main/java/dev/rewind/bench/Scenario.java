package dev.rewind.bench;

import dev.rewind.core.backup.TableCount;
import dev.rewind.core.backup.postgres.PostgresInspector;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** One run: start PostgreSQL, generate the shop and its uploads, then the backup and the rollback phases. */
final class Scenario {

    private final Workspace workspace;
    private final BenchArgs args;
    private final Results results = new Results();
    private Machine machine;

    Scenario(Workspace workspace, BenchArgs args) {
        this.workspace = workspace;
        this.args = args;
    }

    Results run() {
        String load = Machine.loadAverage();
        Path project = workspace.dir("project");
        Log.info("working in " + workspace.root() + "; starting PostgreSQL 15");
        BenchServer server = workspace.startServer();
        Shell shell = new Shell(workspace.dir("scratch"), Map.of("PGHOST", "localhost",
                "PGPORT", Integer.toString(server.port()), "PGUSER", BenchServer.USER));
        server.admin("CREATE DATABASE " + Bench.DATABASE);
        ShopGenerator.Generated shop = new ShopGenerator(server, Bench.DATABASE).generate(args.dbBytes());
        FileTreeGenerator.generate(project.resolve(RewindWay.UPLOADS), args.files(), args.fileBytes());
        server.checkpoint();
        recordShop(server);
        results.size("uploads", String.format(Locale.ROOT, "%,d files, %s", args.files(),
                ByteSize.format(Sizes.tree(project.resolve(RewindWay.UPLOADS)))));
        try (RewindWay rewind = new RewindWay(project, server.url(Bench.DATABASE), args.repeat())) {
            machine = Machine.describe(shell, server, workspace.root(), rewind.jobs(), load);
            RunbookWay runbook = new RunbookWay(shell, Bench.DATABASE, workspace.dir("runbook"), project);
            Diagnostics diagnostics = new Diagnostics(shell, server, Bench.DATABASE, rewind.jobs());
            Bench bench = new Bench(workspace, server, shell, runbook, rewind, diagnostics, results, shop.customers(),
                    args.repeat());
            BackupPhase.Sets sets = new BackupPhase(bench).run();
            new RestorePhase(bench, sets).run();
        }
        return results;
    }

    Machine machine() {
        return machine;
    }

    private void recordShop(BenchServer server) {
        String db = Bench.DATABASE;
        List<TableCount> counts;
        try (Connection connection = server.connect(db)) {
            counts = PostgresInspector.tableCounts(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the generated rows", e);
        }
        results.size("database (pg_database_size)", ByteSize.format(server.databaseSize(db)));
        results.size("rows", String.format(Locale.ROOT, "%,d in %d tables (%s)",
                counts.stream().mapToLong(TableCount::rows).sum(), counts.size(), counts.stream()
                        .map(c -> String.format(Locale.ROOT, "%s %,d", c.table(), c.rows()))
                        .collect(Collectors.joining(", "))));
        results.size("indexes", server.value(db, "SELECT count(*) FROM pg_indexes WHERE schemaname = 'public'")
                + ", " + ByteSize.format(Long.parseLong(server.value(db,
                "SELECT sum(pg_indexes_size(relid)) FROM pg_stat_user_tables"))));
    }
}
