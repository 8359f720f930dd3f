package dev.rewind.cli;

import dev.rewind.core.Rewind;
import dev.rewind.core.store.ApiToken;
import dev.rewind.core.token.TokensResult;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code rewind token list}: every token, revoked ones too, newest first; never a secret. */
@Command(name = "list", description = "API tokens, newest first: name, role, created, last used, revoked.")
final class TokenListCommand extends ProjectCommand {

    @Override
    int execute(Rewind rewind) {
        print(rewind.tokens().list(), TokenListCommand::text);
        return 0;
    }

    private static String text(TokensResult result) {
        if (result.tokens().isEmpty()) {
            return "no tokens yet; create one with `rewind token create NAME --role viewer|operator|admin`\n";
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("NAME", "ROLE", "CREATED", "BY", "LAST USED", "REVOKED"));
        for (ApiToken t : result.tokens()) {
            rows.add(List.of(t.name(), t.role().toString(), Text.time(t.createdAt()), t.createdBy(),
                    Text.time(t.lastUsedAt()), Text.time(t.revokedAt())));
        }
        return Text.table(rows);
    }
}
