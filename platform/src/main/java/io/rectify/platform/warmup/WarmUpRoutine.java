package io.rectify.platform.warmup;

/**
 * A service's busiest request path, run before the instance says it is ready (see {@link WarmUp}). Each
 * round runs in a request context of its own, as {@link WarmUp#CALLER}, inside a transaction that is
 * always rolled back: it may write exactly what a request writes, and nothing of it stays.
 */
public interface WarmUpRoutine {

    /** A name for the logs and the readiness answer. */
    String name();

    /**
     * Prepares the rounds (e.g. finds a registered enterprise to report against); runs once, in a
     * transaction of its own that is rolled back too.
     *
     * @return false when there is nothing to exercise yet (an empty database): the routine is skipped
     */
    boolean prepare();

    /** One request's worth of the path: decode, validate, act, encode. {@code round} counts from 0. */
    void round(int round) throws Exception;

    /**
     * How many times requests (not the warm-up) have run this path since the instance started. A client
     * that does not wait for readiness (one instance and no load balancer) warms the path itself: what its
     * requests ran counts towards the rounds, so the warm-up stops competing with them for the CPU sooner.
     */
    default long served() {
        return 0;
    }
}
