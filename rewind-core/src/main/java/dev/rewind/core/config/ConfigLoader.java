package dev.rewind.core.config;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.config.internal.Binder;
import dev.rewind.core.config.internal.CrossChecks;
import dev.rewind.core.config.internal.Interpolator;
import dev.rewind.core.config.internal.Problems;
import dev.rewind.core.config.internal.YamlReader;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/** Loads {@code rewind.yaml} strictly: every problem in the file is reported at once, each with {@code file:line:col}. */
public final class ConfigLoader {

    private ConfigLoader() {}

    /** Loads a file, reading {@code ${VAR}} from the given environment. */
    public static RewindConfig load(Path file, Map<String, String> environment) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new RewindException(ErrorCode.CONFIG, "no config file at " + file
                    + "\n    fix: run `rewind init` to write one here, or pass the file with -c FILE");
        } catch (MalformedInputException e) {
            throw new RewindException(ErrorCode.CONFIG, file + " is not UTF-8 text\n    fix: save it as UTF-8");
        } catch (IOException e) {
            throw new RewindException(ErrorCode.CONFIG, "cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(file.toString(), text, environment);
    }

    /** Parses config text; {@code name} is the file name used in locations. */
    public static RewindConfig parse(String name, String text, Map<String, String> environment) {
        Problems problems = new Problems();
        Binder binder = new Binder(problems, new Interpolator(environment, problems));
        RewindConfig config = new YamlReader(name, problems).read(text)
                .map(root -> binder.bind(root, RewindConfig.class))
                .orElse(null);
        if (config != null) {
            new CrossChecks(binder, problems).check(config);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.sorted());
        }
        return config;
    }
}
