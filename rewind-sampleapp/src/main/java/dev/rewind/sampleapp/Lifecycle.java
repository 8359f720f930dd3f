package dev.rewind.sampleapp;

import java.time.Duration;

/** How the process ends: {@code --crash-after} halts with 1; SIGTERM or SIGINT stop the server and exit 0. */
final class Lifecycle {

    private Lifecycle() {}

    /** Exits 1 after {@code after}, without any graceful stop: a crash. */
    static void crashAfter(Duration after) {
        Thread.ofPlatform().daemon().name("sampleapp-crash-after").start(() -> {
            try {
                Thread.sleep(after);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                System.err.println("WARN --crash-after timer interrupted; crashing now");
            }
            System.err.println("ERROR crashing after " + Durations.format(after) + " as asked by --crash-after");
            System.err.flush();
            Runtime.getRuntime().halt(1);
        });
    }

    /**
     * On SIGTERM or SIGINT: stop accepting, give running requests a second, then exit 0 rather than the JVM's
     * usual 143. Halting inside the hook is what sets the exit code; this app registers no other hook.
     */
    static void stopGracefullyOnSignal(AppServer server) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            System.err.println("INFO stopped");
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(0);
        }, "sampleapp-shutdown"));
    }
}
