package io.rectify.platform.audit;

/**
 * The answer of a chain check.
 *
 * @param intact   every entry's hash recomputes from its content and its predecessor, and the chain ends
 *                 where its head says
 * @param entries  entries in the chain
 * @param brokenAt the seq of the first entry that does not hold (changed, missing, or beyond the head);
 *                 {@code null} when intact
 */
public record ChainVerification(boolean intact, long entries, Long brokenAt) {
}
