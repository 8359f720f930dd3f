package dev.rewind.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code rewind --version}, from the version Maven wrote into {@code rewind-version.properties}. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"rewind " + version()};
    }

    /** Rewind's version, e.g. {@code 0.1.0}. */
    static String version() {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/rewind-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rewind-version.properties from rewind.jar", e);
        }
        return properties.getProperty("version", "(development build)");
    }
}
