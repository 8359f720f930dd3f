package dev.rewind.core;

import dev.rewind.core.store.Event;
import dev.rewind.core.store.Run;
import dev.rewind.core.store.RunStep;
import java.util.List;

/**
 * {@code rewind run RUN}: one run's journal and audit trail.
 *
 * @param run    the run
 * @param steps  its journal, in order: status, times, output and error of each step
 * @param events every audit event about the run, oldest first: who started, resumed, finished it
 */
public record RunResult(Run run, List<RunStep> steps, List<Event> events) {}
