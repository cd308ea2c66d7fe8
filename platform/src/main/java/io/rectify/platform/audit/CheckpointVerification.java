package io.rectify.platform.audit;

/**
 * A stored checkpoint held against the trails as they are now.
 *
 * @param seq            the checkpoint
 * @param root           the root it signed
 * @param recomputedRoot the root recomputed from the entries the database holds, up to where the checkpoint saw each chain
 * @param matches        {@code root} equals {@code recomputedRoot}: nothing the checkpoint covered has changed since
 * @param signatureValid the stored signature verifies with this service's public key ({@code null}: no public key configured)
 */
public record CheckpointVerification(long seq, String root, String recomputedRoot, boolean matches, Boolean signatureValid) {
}
