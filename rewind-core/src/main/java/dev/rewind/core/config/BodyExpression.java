package dev.rewind.core.config;

/** A CEL assertion over an HTTP answer: variables {@code json}, {@code text}, {@code status}. Compiled at load. */
public record BodyExpression(String source) {

    @Override
    public String toString() {
        return source;
    }
}
