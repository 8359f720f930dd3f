package dev.rewind.cli;

import dev.rewind.core.Rewind;
import dev.rewind.core.store.Role;
import dev.rewind.core.token.CreatedToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rewind token create NAME --role viewer|operator|admin}: prints the new token, once. */
@Command(name = "create", description = "Create an API token and print it, once: only its SHA-256 is stored.")
final class TokenCreateCommand extends ProjectCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "who or what uses it, e.g. alice or deploy-bot")
    String name;

    @Option(names = "--role", required = true, paramLabel = "viewer|operator|admin",
            description = "viewer reads; operator also rolls back and holds; admin may do everything")
    Role role;

    @Override
    int execute(Rewind rewind) {
        CreatedToken created = rewind.tokens().create(name, role, context().user());
        print(created, c -> c.token() + "\n");
        context().err().println("token " + created.name() + " (" + created.role() + ") created; it is shown only this"
                + " once: keep it safe. Send it as `Authorization: Bearer <token>`.");
        context().err().flush();
        return 0;
    }
}
