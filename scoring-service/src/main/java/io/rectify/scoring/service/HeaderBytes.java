package io.rectify.scoring.service;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jboss.logging.Logger;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A record header's key and value as the bytes the consumer fetched, read where they lie. Kafka's
 * {@link RecordHeader} keeps both as buffers over the fetch and makes a string of the key and an array of
 * the value only when asked ({@code key()}, {@code value()}): for the rebuild, which looks at five of
 * the seven headers of a million records, that was a quarter of its decoding (a string and an array per
 * header, 240 of 1,554 decoding samples in a profile of 2026-12-06). The buffers are private fields of
 * {@link RecordHeader}: where they cannot be read (another Kafka version, another {@link Header}, a key or
 * value already made), the public accessors give the same bytes, so the outcome never depends on which way
 * was taken, only the cost does. The buffers returned are never moved or written: bytes are read by index
 * from their position to their limit.
 */
final class HeaderBytes {

    private static final Logger LOG = Logger.getLogger(HeaderBytes.class);
    private static final VarHandle KEY;
    private static final VarHandle VALUE;

    static {
        VarHandle key = null;
        VarHandle value = null;
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(RecordHeader.class, MethodHandles.lookup());
            key = lookup.findVarHandle(RecordHeader.class, "keyBuffer", ByteBuffer.class);
            value = lookup.findVarHandle(RecordHeader.class, "valueBuffer", ByteBuffer.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debugf("record headers are read through their public accessors: %s", e);
            key = null;
            value = null;
        }
        KEY = key;
        VALUE = value;
    }

    private HeaderBytes() {
    }

    /** Whether the fetched bytes are read in place (false: every header goes through its accessors). */
    static boolean inPlace() {
        return KEY != null;
    }

    /** The key's bytes (UTF-8, as the producer wrote them). */
    static ByteBuffer key(Header h) {
        if (KEY != null && h instanceof RecordHeader) {
            ByteBuffer b = (ByteBuffer) KEY.get(h);
            if (b != null) {
                return b;
            }
        }
        return ByteBuffer.wrap(h.key().getBytes(StandardCharsets.UTF_8));
    }

    /** The value's bytes, or null for a header without a value. */
    static ByteBuffer value(Header h) {
        if (VALUE != null && h instanceof RecordHeader) {
            ByteBuffer b = (ByteBuffer) VALUE.get(h);
            if (b != null) {
                return b;
            }
        }
        byte[] v = h.value();
        return v == null ? null : ByteBuffer.wrap(v);
    }

    /** Whether the bytes are exactly {@code expected}. */
    static boolean is(ByteBuffer b, byte[] expected) {
        int from = b.position();
        if (b.limit() - from != expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (b.get(from + i) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** A copy of the bytes. */
    static byte[] copy(ByteBuffer b) {
        byte[] copy = new byte[b.remaining()];
        b.duplicate().get(copy);
        return copy;
    }
}
