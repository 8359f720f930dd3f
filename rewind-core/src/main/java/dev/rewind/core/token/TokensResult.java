package dev.rewind.core.token;

import dev.rewind.core.store.ApiToken;
import java.util.List;

/** {@code rewind token list}: every token, revoked ones too, newest first. */
public record TokensResult(List<ApiToken> tokens) {}
