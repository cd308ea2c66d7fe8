package io.rectify.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The CPU time a running service's JIT compiler threads ({@code C1/C2 CompilerThread…}) have used, read from
 * Linux's {@code /proc/<pid>/task/<tid>/stat}: whether a warm-up has let the JIT settle before a measured window,
 * and how much of that window it took. Zero where {@code /proc} or the process is not there.
 */
final class JitClock {

    /** Clock ticks per second of {@code /proc}'s utime and stime (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100.0;

    /** A warm-up round in which the compiler threads took at most this share of a core leaves the JIT settled. */
    static final double SETTLED = 0.15;

    private final Path tasks;

    JitClock(long pid) {
        this.tasks = Path.of("/proc", Long.toString(pid), "task");
    }

    /** An instant to measure from: the compiler threads' CPU and the wall clock then. */
    record Mark(double cpuSeconds, long nanoTime) {
    }

    Mark mark() {
        return new Mark(cpuSeconds(), System.nanoTime());
    }

    /** The share of a core the compiler threads took from {@code start} to now. */
    double coresSince(Mark start) {
        return (cpuSeconds() - start.cpuSeconds()) / ((System.nanoTime() - start.nanoTime()) / 1e9);
    }

    /** One warm-up round; @return what it did, for the log ("1000000 events in 8.8 s") */
    interface Round {
        String run(int n) throws Exception;
    }

    /** How many warm-up rounds ran, and the share of a core the compiler threads took in the last. */
    record Settled(int rounds, double lastCores) {
    }

    /**
     * Runs warm-up rounds until the compiler threads took at most {@link #SETTLED} of a core in one, {@code maxRounds}
     * at most (none for 0), logging each as "warm-up {@code what} n: …, the JIT compiler took … of a core".
     */
    Settled settle(String what, int maxRounds, Round round) throws Exception {
        int rounds = 0;
        double cores = Double.MAX_VALUE;
        while (rounds < maxRounds && cores > SETTLED) {
            Mark start = mark();
            String did = round.run(rounds + 1);
            rounds++;
            cores = coresSince(start);
            Report.info("warm-up %s %d: %s, the JIT compiler took %.2f of a core", what, rounds, did, cores);
        }
        return new Settled(rounds, cores);
    }

    /** Seconds of CPU the compiler threads have used so far. */
    double cpuSeconds() {
        if (!Files.isDirectory(tasks)) {
            return 0;
        }
        long ticks = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path t : (Iterable<Path>) threads::iterator) {
                ticks += compilerTicks(t);
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks / TICKS_PER_SECOND;
    }

    private static long compilerTicks(Path thread) {
        try {
            return compilerTicks(Files.readString(thread.resolve("stat")));
        } catch (IOException | RuntimeException e) { // the thread ended meanwhile
            return 0;
        }
    }

    /** A thread's {@code stat} line: its user and system ticks if it is a JIT compiler thread, else 0. */
    static long compilerTicks(String stat) {
        // the name is between the first '(' and the last ')': it may hold spaces and parentheses itself
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        if (!name.startsWith("C1 Compiler") && !name.startsWith("C2 Compiler")) {
            return 0;
        }
        // after "(name) ": state is field 3, utime and stime are fields 14 and 15
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
