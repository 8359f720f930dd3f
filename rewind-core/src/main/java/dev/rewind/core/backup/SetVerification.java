package dev.rewind.core.backup;

import java.util.List;

/**
 * The result of re-checking one backup set against its manifest.
 *
 * @param setId    the set checked
 * @param problems every missing or altered file and missing clone database, e.g. {@code altered: uploads/a.png}
 */
public record SetVerification(String setId, List<String> problems) {

    public SetVerification {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
