package dev.rewind.core.signal;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;

/** Prometheus could not answer a query usefully; the message names the URL, the query and what to do. */
public class PrometheusException extends RewindException {

    public PrometheusException(String message) {
        super(ErrorCode.FAILED, message);
    }

    public PrometheusException(String message, Throwable cause) {
        super(ErrorCode.FAILED, message, cause);
    }
}
