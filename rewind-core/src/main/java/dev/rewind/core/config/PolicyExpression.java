package dev.rewind.core.config;

/**
 * A CEL condition of a policy rule over the signals: {@code probes}, {@code metrics}, {@code baseline},
 * {@code health}, {@code reports}, {@code process}. Compiled at load.
 */
public record PolicyExpression(String source) {

    @Override
    public String toString() {
        return source;
    }
}
