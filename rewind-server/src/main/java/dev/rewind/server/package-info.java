/** The HTTP shell over rewind-core: REST API, server-sent events, tokens, metrics and the dashboard. */
package dev.rewind.server;
