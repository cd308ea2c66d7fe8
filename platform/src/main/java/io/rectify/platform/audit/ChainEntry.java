package io.rectify.platform.audit;

/** Where an appended entry landed in its chain. */
public record ChainEntry(long seq, String prevHash, String hash) {
}
