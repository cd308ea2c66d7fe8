package io.rectify.scoring.service;

import java.time.Instant;

/**
 * Where the rebuild stands.
 *
 * @param eventsTotal records on both topics when the rebuild started (its target)
 * @param eventsSkipped records that could not be used (poison: the live consumers dead-lettered them too)
 * @param countiesChanged county/period answers the final recomputation changed (0 when the rebuild agreed with the live state)
 */
public record RebuildProgress(State state, long eventsRead, long eventsTotal, long eventsSkipped, Integer countiesChanged,
                              Instant startedAt, Instant finishedAt, String error) {

    public enum State { IDLE, RUNNING, DONE, FAILED }

    public static RebuildProgress idle() {
        return new RebuildProgress(State.IDLE, 0, 0, 0, null, null, null, null);
    }
}
