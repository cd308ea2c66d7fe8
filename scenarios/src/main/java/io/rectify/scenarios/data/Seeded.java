package io.rectify.scenarios.data;

import java.util.SplittableRandom;
import java.util.UUID;

/** Deterministic ids and choices: the same seed gives the same data on every machine and run. */
final class Seeded {

    private final SplittableRandom random;

    Seeded(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A version-4-shaped UUID from the seeded stream. */
    UUID uuid() {
        long msb = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    long nextLong(long bound) {
        return random.nextLong(bound);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
