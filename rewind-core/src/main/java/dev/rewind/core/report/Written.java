package dev.rewind.core.report;

import java.nio.file.Path;

/**
 * Where {@link Reports#write} put a report.
 *
 * @param markdown {@code .rewind/reports/<run>.md}
 * @param json     {@code .rewind/reports/<run>.json}
 */
public record Written(Path markdown, Path json) {}
