package dev.rewind.core.config.internal;

import dev.rewind.core.config.Location;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replaces {@code ${VAR}} with the environment variable's value; a missing variable is a problem, never "". */
public final class Interpolator {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Map<String, String> environment;
    private final Problems problems;

    public Interpolator(Map<String, String> environment, Problems problems) {
        this.environment = environment;
        this.problems = problems;
    }

    /** The text with every variable replaced, or empty when one is missing or malformed (a problem was recorded). */
    public Optional<String> apply(String text, Location at) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        boolean ok = true;
        while (m.find()) {
            String name = m.group(1);
            String value = environment.get(name);
            if (!NAME.matcher(name).matches()) {
                problems.add(at, "'${" + name + "}' is not a valid variable reference",
                        "use ${NAME} with letters, digits and underscores");
                ok = false;
            } else if (value == null) {
                problems.add(at, "environment variable " + name + " is not set",
                        "export " + name + "=… before running rewind, or write the value instead of ${" + name + "}");
                ok = false;
            } else {
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
        }
        m.appendTail(out);
        return ok ? Optional.of(out.toString()) : Optional.empty();
    }
}
