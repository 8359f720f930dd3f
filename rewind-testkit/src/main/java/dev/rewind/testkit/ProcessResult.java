package dev.rewind.testkit;

/** What a finished child process left: its exit code and everything it printed. */
public record ProcessResult(int exitCode, String stdout, String stderr) {

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
}
