package dev.rewind.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Library logging: warnings on stderr by default (logback.xml), INFO with {@code -v}. */
final class Logging {

    private Logging() {}

    static void verbose() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
    }
}
