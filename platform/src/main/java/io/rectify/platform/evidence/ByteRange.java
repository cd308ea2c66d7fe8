package io.rectify.platform.evidence;

import java.util.Optional;

/**
 * One byte range of a {@code Range: bytes=…} header (RFC 9110 §14). Several ranges, or a header that is
 * not a bytes range, are ignored (the whole file is served, which the RFC allows); a range that starts
 * past the end is unsatisfiable (416).
 */
public record ByteRange(long start, long length) {

    /** Thrown for a range that no byte of the file satisfies. */
    public static final class Unsatisfiable extends RuntimeException {
        public Unsatisfiable() {
            super(null, null, false, false);
        }
    }

    public static Optional<ByteRange> parse(String header, long size) {
        if (header == null || !header.trim().startsWith("bytes=")) {
            return Optional.empty();
        }
        String spec = header.trim().substring(6).trim();
        if (spec.contains(",")) {
            return Optional.empty();
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        try {
            String first = spec.substring(0, dash).trim();
            String last = spec.substring(dash + 1).trim();
            if (first.isEmpty()) {
                if (last.isEmpty()) {
                    return Optional.empty();
                }
                long suffix = Long.parseLong(last);
                if (suffix <= 0) {
                    throw new Unsatisfiable();
                }
                long n = Math.min(suffix, size);
                return Optional.of(new ByteRange(size - n, n));
            }
            long start = Long.parseLong(first);
            long end = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
            if (start < 0 || (!last.isEmpty() && Long.parseLong(last) < start)) {
                return Optional.empty();
            }
            if (start >= size) {
                throw new Unsatisfiable();
            }
            return Optional.of(new ByteRange(start, end - start + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public String contentRange(long size) {
        return "bytes " + start + "-" + (start + length - 1) + "/" + size;
    }
}
