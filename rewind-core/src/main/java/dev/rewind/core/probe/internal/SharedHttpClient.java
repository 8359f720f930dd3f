package dev.rewind.core.probe.internal;

import java.net.http.HttpClient;
import java.util.concurrent.Executors;

/**
 * The one {@link HttpClient} of every HTTP probe in the process: HTTP/1.1 with kept-alive connections, redirects
 * not followed (a health check reports the 302 it got), its callbacks on virtual threads.
 */
final class SharedHttpClient {

    private SharedHttpClient() {}

    static HttpClient get() {
        return Holder.CLIENT;
    }

    private static final class Holder {
        static final HttpClient CLIENT = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("rewind-http-", 0).factory()))
                .build();
    }
}
