package io.rectify.scenarios.demo;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Waits for something the system does asynchronously (Kafka consumers, sweeps), bounded by a timeout. */
final class Poll {

    private Poll() {
    }

    /**
     * Asks {@code probe} every {@code every} until it answers a value; after {@code timeout} fails with
     * {@code what} and the probe's last explanation.
     */
    static <T> T until(String what, Duration timeout, Duration every, Supplier<Outcome<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Outcome<T> last;
        while (true) {
            last = probe.get();
            if (last.value().isPresent()) {
                return last.value().get();
            }
            if (System.nanoTime() >= deadline) {
                throw new DemoFailure(what + " did not happen within " + timeout.toSeconds() + " s"
                        + (last.why() == null ? "" : ": " + last.why()));
            }
            pause(every);
        }
    }

    static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted");
        }
    }

    /** A probe's answer: the value, or why not yet. */
    record Outcome<T>(Optional<T> value, String why) {
        static <T> Outcome<T> done(T value) {
            return new Outcome<>(Optional.of(value), null);
        }

        static <T> Outcome<T> notYet(String why) {
            return new Outcome<>(Optional.empty(), why);
        }
    }
}
