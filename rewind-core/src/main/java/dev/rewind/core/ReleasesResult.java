package dev.rewind.core;

import dev.rewind.core.store.Release;
import java.util.List;

/** {@code rewind releases ENV}: the environment's releases, newest first. */
public record ReleasesResult(String environment, List<Release> releases) {}
