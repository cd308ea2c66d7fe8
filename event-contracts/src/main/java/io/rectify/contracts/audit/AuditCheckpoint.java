package io.rectify.contracts.audit;

import io.rectify.contracts.EventPayload;

import java.time.Instant;

/**
 * A signed checkpoint of one service's audit trails, on {@code audit.checkpoints} (key: the service).
 * {@code root} digests the head of every chain (see {@link CheckpointSignature#root}); the signature,
 * by the service's key, covers the RFC 8785 canonical JSON of every other field. Anyone holding the
 * service's public key can later prove that a trail was changed after this point: the chains recomputed
 * from the database no longer give this root.
 *
 * @param service      the producing service, e.g. {@code hazard-service}
 * @param seq          1, 2, … per service
 * @param root         SHA-256 (hex) over the chains' heads as of this checkpoint
 * @param previousRoot the root of checkpoint {@code seq - 1} ({@code null} for the first): checkpoints chain too
 * @param chains       chains covered
 * @param entries      entries covered (the sum of the heads' seq)
 * @param algorithm    {@code Ed25519}
 * @param keyId        which of the service's keys signed (rotation)
 * @param signature    base64 of the signature
 */
public record AuditCheckpoint(
        String service,
        long seq,
        Instant at,
        String root,
        String previousRoot,
        long chains,
        long entries,
        String algorithm,
        String keyId,
        String signature) implements EventPayload {

    @Override
    public String domain() {
        return "audit";
    }

    @Override
    public String aggregateId() {
        return service;
    }

    public AuditCheckpoint withSignature(String signature) {
        return new AuditCheckpoint(service, seq, at, root, previousRoot, chains, entries, algorithm, keyId, signature);
    }
}
