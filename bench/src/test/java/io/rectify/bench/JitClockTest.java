package io.rectify.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JitClockTest {

    /** {@code /proc/<pid>/task/<tid>/stat} of a thread named {@code name} with these user and system ticks. */
    private static String stat(String name, long utime, long stime) {
        return "4242 (" + name + ") S 1 4242 4242 0 -1 4194368 1200 0 3 0 " + utime + " " + stime
                + " 0 0 20 0 31 0 1234 5000000 3000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 -1 1 0 0 0 0 0";
    }

    @Test
    void countsTheUserAndSystemTicksOfBothCompilers() {
        assertThat(JitClock.compilerTicks(stat("C2 CompilerThre", 250, 10))).isEqualTo(260);
        assertThat(JitClock.compilerTicks(stat("C1 CompilerThre", 40, 2))).isEqualTo(42);
    }

    @Test
    void ignoresEveryOtherThread() {
        assertThat(JitClock.compilerTicks(stat("executor-thread-1", 900, 90))).isZero();
        assertThat(JitClock.compilerTicks(stat("GC Thread#0", 900, 90))).isZero();
    }

    @Test
    void findsTheFieldsAfterANameWithSpacesAndParentheses() {
        assertThat(JitClock.compilerTicks(stat("C2 Compiler (x) y", 7, 3))).isEqualTo(10);
    }

    @Test
    void readsNothingForAProcessThatIsNotThere() {
        assertThat(new JitClock(Long.MAX_VALUE).cpuSeconds()).isZero();
    }

    /** Rounds go on until the compiler threads took at most SETTLED of a core in one (always, for a process that is not there), N at most. */
    @Test
    void warmUpRoundsStopOnceTheCompilerSettledOrAtTheirLimit() throws Exception {
        JitClock gone = new JitClock(Long.MAX_VALUE); // no /proc entry: the compiler took nothing
        java.util.List<Integer> ran = new java.util.ArrayList<>();
        JitClock.Settled settled = gone.settle("round", 5, n -> {
            ran.add(n);
            return "did " + n;
        });
        assertThat(ran).containsExactly(1);
        assertThat(settled.rounds()).isEqualTo(1);
        assertThat(settled.lastCores()).isZero();
        assertThat(gone.settle("round", 0, n -> {
            throw new AssertionError("no round when none is asked for");
        }).rounds()).isZero();
    }
}
