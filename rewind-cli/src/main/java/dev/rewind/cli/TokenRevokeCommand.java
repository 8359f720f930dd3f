package dev.rewind.cli;

import dev.rewind.core.Rewind;
import dev.rewind.core.store.ApiToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rewind token revoke NAME}: the token is refused from its next request on. */
@Command(name = "revoke", description = "Revoke an API token: it is refused from its next request on.")
final class TokenRevokeCommand extends ProjectCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "the token's name (see `rewind token list`)")
    String name;

    @Override
    int execute(Rewind rewind) {
        ApiToken revoked = rewind.tokens().revoke(name, context().user());
        print(revoked, t -> "✓ token " + t.name() + " (" + t.role() + ") revoked; requests with it are refused\n");
        return 0;
    }
}
