package io.rectify.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The fault injector: runs {@code reliability/stack.sh <command>} (bounded in time) and says how long it took. */
public final class Stack {

    private final Path script;

    public Stack(Path script) {
        this.script = script;
    }

    /** Runs a stack command; its output goes to ours. @return seconds it took */
    public double run(Duration limit, String... command) {
        List<String> cmd = new ArrayList<>();
        cmd.add(script.toString());
        cmd.addAll(List.of(command));
        Instant t0 = Instant.now();
        try {
            Process p = new ProcessBuilder(cmd).inheritIO().start();
            if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " took longer than " + limit);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + p.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return Duration.between(t0, Instant.now()).toMillis() / 1000.0;
    }
}
