package dev.rewind.bench;

import java.nio.file.Path;

/**
 * What to benchmark.
 *
 * @param dbBytes   target size of the shop database, rows and indexes ({@code pg_database_size})
 * @param files     how many files the uploads directory holds
 * @param fileBytes their total size
 * @param repeat    how many times each compared step is measured (the report shows the median)
 * @param workRoot  where the temporary directory (PostgreSQL's data, backups, uploads) is made
 */
record BenchArgs(long dbBytes, int files, long fileBytes, int repeat, Path workRoot) {

    static final String USAGE = """
            usage: bench/backup.sh [--size 1g] [--files 10000] [--file-bytes 200m] [--repeat 3] [--work DIR]
              --size        size of the generated shop database (pg_database_size), default 1g
              --files       number of files in the uploads directory, default 10000
              --file-bytes  their total size, default 20k per file (200m for 10000 files)
              --repeat      how many times each compared step runs; the tables show the median, default 3
              --work        parent of the temporary working directory, default the system temp directory
            """;
    private static final long BYTES_PER_FILE = 20 * 1024;

    static BenchArgs parse(String... args) {
        long size = ByteSize.parse("1g");
        int files = 10_000;
        Long fileBytes = null;
        int repeat = 3;
        Path work = Path.of(System.getProperty("java.io.tmpdir"));
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--size" -> size = ByteSize.parse(required(args[i], value));
                case "--files" -> files = Integer.parseInt(required(args[i], value));
                case "--file-bytes" -> fileBytes = ByteSize.parse(required(args[i], value));
                case "--repeat" -> repeat = Integer.parseInt(required(args[i], value));
                case "--work" -> work = Path.of(required(args[i], value));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        if (size < ByteSize.parse("10m") || files < 1 || repeat < 1) {
            throw new IllegalArgumentException("--size must be at least 10m, --files and --repeat at least 1");
        }
        return new BenchArgs(size, files, fileBytes == null ? files * BYTES_PER_FILE : fileBytes, repeat, work);
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
