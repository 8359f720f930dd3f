package dev.rewind.core.report;

import java.util.List;

/**
 * A component as the rollback's preflight found it, for the root cause.
 *
 * @param component     the component
 * @param activeVersion the version that was running, or null if unknown
 * @param targetVersion the version rolled back to
 * @param pids          its processes then
 * @param logTail       the last lines of its log then
 */
public record LiveComponent(String component, String activeVersion, String targetVersion, List<Long> pids,
                            List<String> logTail) {

    public LiveComponent {
        pids = List.copyOf(pids);
        logTail = List.copyOf(logTail);
    }
}
