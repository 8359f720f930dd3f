package dev.rewind.core;

import dev.rewind.core.store.Run;
import java.util.List;

/**
 * {@code rewind runs ENV}: the environment's runs, newest first.
 *
 * @param environment the environment
 * @param runs        every run with its kind, status, times, releases and error
 */
public record RunsResult(String environment, List<Run> runs) {}
