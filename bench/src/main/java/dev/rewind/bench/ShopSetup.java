package dev.rewind.bench;

import dev.rewind.core.backup.Backups;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a rollback or deploy scenario starts from, in its workspace: PostgreSQL 15 with the generated shop database,
 * the uploads directory, the project (nothing running yet; stopped when the workspace is cleaned up), the machine,
 * and the sizes for the report (more can be added).
 */
record ShopSetup(BenchServer server, Shell shell, RollbackProject project, Machine machine, Map<String, String> sizes) {

    static ShopSetup create(Workspace workspace, RollbackArgs args, String strategy) {
        return create(workspace, args, strategy, RollbackProject.Backend.PROCESS);
    }

    static ShopSetup create(Workspace workspace, RollbackArgs args, String strategy, RollbackProject.Backend backend) {
        String load = Machine.loadAverage();
        Log.info("strategy " + strategy + ": working in " + workspace.root() + "; starting PostgreSQL 15");
        BenchServer server = workspace.startServer();
        Shell shell = new Shell(workspace.dir("scratch"), Map.of("PGHOST", "localhost",
                "PGPORT", Integer.toString(server.port()), "PGUSER", BenchServer.USER));
        Path dir = workspace.dir("project");
        server.admin("CREATE DATABASE " + Bench.DATABASE);
        new ShopGenerator(server, Bench.DATABASE).generate(args.dbBytes());
        FileTreeGenerator.generate(dir.resolve(RewindWay.UPLOADS), args.files(), args.fileBytes());
        Map<String, String> sizes = new LinkedHashMap<>();
        sizes.put("database (pg_database_size)", ByteSize.format(server.databaseSize(Bench.DATABASE)));
        sizes.put("uploads", String.format(Locale.ROOT, "%,d files, %s", args.files(),
                ByteSize.format(Sizes.tree(dir.resolve(RewindWay.UPLOADS)))));
        Machine machine = Machine.describe(shell, server, workspace.root(),
                Backups.Options.defaults(System.getenv("PATH")).jobs(), load);
        RollbackProject project = new RollbackProject(dir, server, strategy, args.appJar(), backend);
        workspace.beforeCleanup(project::stopQuietly);
        return new ShopSetup(server, shell, project, machine, sizes);
    }

    /**
     * Called before each measurement, so none pays for the one before: a checkpoint writes PostgreSQL's dirty pages,
     * {@code sync} the file system's.
     */
    void settle() {
        server.checkpoint();
        shell.run("sync");
    }
}
