package dev.rewind.core.verify;

/**
 * One check of a verification.
 *
 * @param kind   {@code probe}, {@code latency}, {@code tables}, {@code files}, {@code smoke}, {@code sql} or {@code logs}
 * @param name   what was checked: the probe, datastore, smoke or SQL check's name, or the component whose log was read
 * @param ok     whether it passed
 * @param detail what was found, e.g. {@code 12 tables with the manifest's row counts} or the failing values
 */
public record VerifyCheck(String kind, String name, boolean ok, String detail) {}
