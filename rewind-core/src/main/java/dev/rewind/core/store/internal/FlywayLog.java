package dev.rewind.core.store.internal;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flyway's log, sent to SLF4J with its chatter (info, notice) demoted to debug so that opening a store is
 * quiet; warnings and errors keep their level. Flyway instantiates it by name from its {@code loggers} setting.
 */
public final class FlywayLog implements LogCreator {

    @Override
    public Log createLogger(Class<?> source) {
        return new Demoted(LoggerFactory.getLogger(source));
    }

    private record Demoted(Logger logger) implements Log {

        @Override
        public boolean isDebugEnabled() {
            return logger.isDebugEnabled();
        }

        @Override
        public void debug(String message) {
            logger.debug(message);
        }

        @Override
        public void info(String message) {
            logger.debug(message);
        }

        @Override
        public void notice(String message) {
            logger.debug(message);
        }

        @Override
        public void warn(String message) {
            logger.warn(message);
        }

        @Override
        public void error(String message) {
            logger.error(message);
        }

        @Override
        public void error(String message, Exception e) {
            logger.error(message, e);
        }
    }
}
