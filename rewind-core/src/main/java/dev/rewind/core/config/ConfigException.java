package dev.rewind.core.config;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import java.util.List;
import java.util.stream.Collectors;

/** A config file with one or more problems; all of them are listed, not only the first. */
public final class ConfigException extends RewindException {

    private final List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(ErrorCode.CONFIG, describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String describe(List<ConfigProblem> problems) {
        String count = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
        return problems.stream().map(ConfigProblem::toString)
                .collect(Collectors.joining("\n", "", "\n" + count + " in the config"));
    }
}
