package io.rectify.platform.audit;

import java.util.Map;
import java.util.Objects;

/**
 * Walks one chain entry by entry (in seq order) and finds the first entry that does not hold: a seq
 * out of order (an entry deleted), a predecessor hash that is not the previous entry's, or a hash that
 * does not recompute from the entry's content (a value changed). Pure.
 */
final class ChainWalk {

    private final String trail;
    private final String aggregateId;
    private long expected = 1;
    private String previous;
    private long entries;
    private Long brokenAt;

    ChainWalk(String trail, String aggregateId) {
        this.trail = trail;
        this.aggregateId = aggregateId;
    }

    String aggregateId() {
        return aggregateId;
    }

    long entries() {
        return entries;
    }

    void accept(long seq, String prevHash, String hash, Map<String, Object> content) {
        entries++;
        if (brokenAt != null) {
            return;
        }
        if (seq != expected) {
            brokenAt = Math.min(seq, expected);
            return;
        }
        String computed = ChainHash.of(trail, aggregateId, seq, previous, content);
        if (!Objects.equals(prevHash, previous) || !computed.equals(hash)) {
            brokenAt = seq;
            return;
        }
        previous = computed;
        expected++;
    }

    /**
     * @param headSeq  the head's seq ({@code null}: no head row)
     * @param headHash the head's hash
     */
    ChainVerification finish(Long headSeq, String headHash) {
        long last = expected - 1;
        if (brokenAt == null && entries > 0 && headSeq == null) {
            brokenAt = 1L;
        } else if (brokenAt == null && headSeq != null && headSeq != last) {
            // entries removed from the end (head ahead) or added behind the chain's back (head behind)
            brokenAt = Math.min(headSeq, last) + 1;
        } else if (brokenAt == null && headSeq != null && last > 0 && !Objects.equals(headHash, previous)) {
            brokenAt = last;
        }
        return new ChainVerification(brokenAt == null, entries, brokenAt);
    }
}
