package dev.rewind.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rewind token create|list|revoke}: the tokens of the REST API. */
@Command(name = "token", description = "Tokens of the REST API (rewind serve): create (shown once; only its hash is"
        + " stored), list, revoke.",
        subcommands = {TokenCreateCommand.class, TokenListCommand.class, TokenRevokeCommand.class})
final class TokenCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a token command is required: create, list or revoke");
    }
}
