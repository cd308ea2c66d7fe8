package io.rectify.platform.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where the bytes of evidence files live, addressed by their SHA-256: the same content is kept once,
 * however often it is uploaded. Implementations stream in both directions and never hold a whole file.
 */
public interface EvidenceStore {

    /** Whether the content with this digest is stored. */
    boolean contains(String sha256);

    /** Stores the file under its digest (already verified by the caller); storing it twice is harmless. */
    void put(String sha256, Path file, long size) throws IOException;

    /** Reads {@code length} bytes from {@code offset}; the stream fetches as it is read. */
    InputStream open(String sha256, long offset, long length) throws IOException;

    /** Deletes the content (only once no upload row names it). */
    void delete(String sha256);
}
