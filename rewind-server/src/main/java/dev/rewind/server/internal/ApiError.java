package dev.rewind.server.internal;

/**
 * The body of every error response.
 *
 * @param error   what kind: an error code of Rewind ({@code usage}, {@code locked}, …) or the HTTP status
 *                ({@code unauthorized}, {@code not_found}, …), lower case
 * @param message what went wrong and what fixes it
 */
record ApiError(String error, String message) {}
