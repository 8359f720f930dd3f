package dev.rewind.core.config;

/**
 * Commands a deploy runs; a hook that exits non-zero fails the deploy and triggers a rollback.
 *
 * @param preDeploy runs before anything stops
 * @param migrate   runs after the backup and before the new version starts
 */
public record HooksConfig(String preDeploy, String migrate) {}
