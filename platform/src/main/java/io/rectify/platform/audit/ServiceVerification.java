package io.rectify.platform.audit;

import java.util.List;

/**
 * The whole-service check: every chain of every trail.
 *
 * @param intact   no chain is broken
 * @param entries  entries walked
 * @param chains   chains walked
 * @param brokenAt the first broken entry's seq in the first broken chain ({@code null} when intact)
 * @param broken   every broken chain, with its first broken entry
 */
public record ServiceVerification(boolean intact, long entries, long chains, Long brokenAt, List<BrokenChain> broken) {

    public record BrokenChain(String trail, String aggregateId, long brokenAt) {
    }
}
