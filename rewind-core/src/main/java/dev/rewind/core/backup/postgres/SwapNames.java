package dev.rewind.core.backup.postgres;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;

/** The three databases of a swap: the live one, the shadow that replaces it, and the name the old live gets. */
record SwapNames(String live, String shadow, String kept) {

    SwapNames {
        if (live.equals(shadow) || live.equals(kept) || shadow.equals(kept)) {
            throw new RewindException(ErrorCode.USAGE, "A swap needs three different database names, got live \""
                    + live + "\", shadow \"" + shadow + "\", kept \"" + kept + "\"" + Sql.FIX
                    + "name them with DatabaseNames.shadow and DatabaseNames.kept");
        }
    }

    @Override
    public String toString() {
        return "live \"" + live + "\", shadow \"" + shadow + "\", kept \"" + kept + "\"";
    }
}
