package dev.rewind.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.core.ErrorCode;
import dev.rewind.core.Json;
import dev.rewind.core.RewindException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

/** The demo's customer: writes orders (items) through the shop's API and reads what is where. */
final class Shop {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String appUrl;
    private final int pgPort;

    Shop(String appUrl, int pgPort) {
        this.appUrl = appUrl;
        this.pgPort = pgPort;
    }

    /** Writes {@code count} items named {@code prefix-1…}; each must be accepted. */
    void order(String prefix, int count) {
        for (int i = 1; i <= count; i++) {
            String name = prefix + "-" + i;
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(appUrl + "/api/items"))
                    .POST(HttpRequest.BodyPublishers.ofString(Json.write(new Item(name, "ordered during the demo: " + name)))));
            if (response.statusCode() != 201) {
                throw new RewindException(ErrorCode.FAILED, "the shop refused order " + name + ": HTTP "
                        + response.statusCode() + " " + response.body());
            }
        }
    }

    /** The version {@code /health} reports when healthy, or null. */
    String healthyVersion() {
        try {
            JsonNode health = Json.mapper().readTree(send(HttpRequest.newBuilder(URI.create(appUrl + "/health"))).body());
            return "ok".equals(health.path("status").asText()) ? health.path("version").asText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** How many items database {@code database} holds. */
    long items(String database) {
        String url = "jdbc:postgresql://127.0.0.1:" + pgPort + "/" + database + "?user=postgres";
        try (var c = DriverManager.getConnection(url); var st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM items")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new RewindException(ErrorCode.FAILED, "cannot count the items in " + database + ": " + e.getMessage(), e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RewindException(ErrorCode.FAILED, "the shop did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RewindException(ErrorCode.FAILED, "interrupted", e);
        }
    }

    private record Item(String name, String body) {}
}
