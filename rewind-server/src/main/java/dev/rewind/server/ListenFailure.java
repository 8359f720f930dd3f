package dev.rewind.server;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Why the server could not listen, told apart by trying the address alone (on any free port): an address that is
 * not this host's is a wrong {@code --bind}; otherwise the port is taken (or not allowed).
 */
final class ListenFailure {

    private ListenFailure() {}

    static RewindException of(ServerOptions options, JavalinBindException e) {
        String where = "cannot listen on " + options.bind() + ":" + options.port() + ": ";
        Optional<String> badAddress = addressProblem(options.bind());
        if (badAddress.isPresent()) {
            return new RewindException(ErrorCode.USAGE, where + badAddress.get() + "\n    fix: check --bind: it takes"
                    + " an address of this host, e.g. 127.0.0.1 (this host only) or 0.0.0.0 (every interface)", e);
        }
        return new RewindException(ErrorCode.USAGE, where + "port " + options.port() + " is in use or not allowed ("
                + rootCause(e).getMessage() + ")\n    fix: choose another --port, or stop what listens there", e);
    }

    /** Why nothing can listen on the address, if so. */
    private static Optional<String> addressProblem(String bind) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(bind), 0));
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("no address is known for " + bind);
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
