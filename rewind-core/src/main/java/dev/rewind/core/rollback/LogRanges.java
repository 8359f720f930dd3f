package dev.rewind.core.rollback;

import dev.rewind.core.driver.DriverContext;
import dev.rewind.core.driver.RunningProcess;
import dev.rewind.core.verify.VerifyScope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The log of each restarted component from the byte where its new process began writing, for the verification's
 * error-line check. Components whose processes Rewind does not start (compose, systemd, command) have none.
 */
final class LogRanges {

    private LogRanges() {}

    static Map<String, VerifyScope.LogRange> of(List<DriverContext> restarted) {
        Map<String, VerifyScope.LogRange> logs = new LinkedHashMap<>();
        for (DriverContext context : restarted) {
            RunningProcess.read(context).ifPresent(p ->
                    logs.put(context.component(), new VerifyScope.LogRange(p.logFile(), p.logOffset())));
        }
        return logs;
    }
}
