package dev.rewind.cli;

import dev.rewind.core.Rewind;
import dev.rewind.core.store.ApiToken;
import dev.rewind.server.RewindServer;
import dev.rewind.server.ServerOptions;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rewind serve [--port 8080] [--bind 127.0.0.1]}: the REST API and the dashboard, until Ctrl-C or SIGTERM. */
@Command(name = "serve", description = "Serve the REST API and the dashboard until stopped (Ctrl-C or SIGTERM)."
        + " Rollbacks started there share the lock and the journal with the CLI.")
final class ServeCommand extends ProjectCommand {

    /** Where the server listens. */
    record ServeResult(String project, String url) {}

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT",
            description = "the port (default: ${DEFAULT-VALUE}; 0 takes any free one)")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "the address to listen on (default: ${DEFAULT-VALUE}, this host only; 0.0.0.0 for every interface)")
    String bind;

    @Override
    int execute(Rewind rewind) {
        RewindServer server = RewindServer.start(rewind, new ServerOptions(bind, port, VersionProvider.version()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "rewind-serve-stop"));
        String host = bind.contains(":") ? "[" + bind + "]" : bind;
        print(new ServeResult(rewind.config().project(), "http://" + host + ":" + server.port() + "/"),
                r -> "Serving " + r.project() + " on " + r.url() + " (Ctrl-C to stop)\n");
        if (rewind.tokens().list().tokens().stream().allMatch(ApiToken::revoked)) {
            context().err().println("no API token yet: create one with `rewind token create NAME --role operator`");
            context().err().flush();
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
        return 0;
    }
}
