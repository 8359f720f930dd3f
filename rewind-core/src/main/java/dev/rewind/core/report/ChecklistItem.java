package dev.rewind.core.report;

/**
 * One item of the runbooks' post-rollback checklist.
 *
 * @param text what to do
 * @param done true when Rewind already did it
 * @param note what was done, or how to do it
 */
public record ChecklistItem(String text, boolean done, String note) {}
