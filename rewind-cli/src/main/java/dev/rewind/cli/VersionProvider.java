package dev.rewind.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code rewind --version}, from the version Maven wrote into {@code rewind-version.properties}. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/rewind-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return new String[] {"rewind " + properties.getProperty("version", "(development build)")};
    }
}
