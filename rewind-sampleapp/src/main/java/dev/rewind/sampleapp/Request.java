package dev.rewind.sampleapp;

/**
 * A request as the handlers see it: already read in full.
 *
 * @param route the normalised path, e.g. {@code /api/items/{id}}, used for routing and metric labels
 */
public record Request(String method, String path, String route, byte[] body) {

    /** The last segment of the path, e.g. the {@code 42} of {@code /api/items/42}. */
    public String lastSegment() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
