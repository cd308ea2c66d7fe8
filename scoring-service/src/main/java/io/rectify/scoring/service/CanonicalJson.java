package io.rectify.scoring.service;

import java.util.Arrays;

/**
 * A cursor over JSON in the compact form producers write (Jackson's default: no whitespace, field names
 * without escapes), for {@link RebuildDecoder}'s fast path. It reads what the binding would read from such
 * bytes; anything else — whitespace, an escape where a string is kept, a number that is not a plain integer,
 * nesting deeper than {@link #DEEPEST}, bytes after the value — is {@link NotCanonical}, and the ordinary
 * decoding decides, as it would have anyway.
 * <p>
 * Why not Jackson's streaming parser: it does the same in general form, and was nearly half of a rebuild's
 * decoding (JFR, bench RESULTS run 49: looking names up in its symbol table, its token states, copying
 * every string it returns into its text buffer). Here a name is compared where it lies with the one expected
 * next, and a string is a range of the bytes until a value is made of it: a record's whole decoding, headers
 * and checks included, 10-20 % less time.
 * <p>
 * Bytes that are not ASCII are taken as they are inside a string that is skipped or compared: the live
 * consumers read the value as UTF-8 with replacement characters, and no ASCII byte (a quote, a backslash)
 * is ever part of a replaced sequence, so the string ends where it ends for them too.
 */
final class CanonicalJson {

    /** The fast path could not decide: the ordinary decoding does. */
    static final class NotCanonical extends Exception {
        NotCanonical() {
            super(null, null, false, false);
        }
    }

    static final NotCanonical NOT_CANONICAL = new NotCanonical();

    /** Nesting skipped deeper than this is left to the ordinary decoding. */
    static final int DEEPEST = 32;

    private final byte[] b;
    private final int end;
    private int i;
    /** The last string read: its bytes between the quotes, and whether it had an escape. */
    private int textFrom;
    private int textTo;
    private boolean escaped;
    /** Where the next name is looked for first in {@link Names}: after the one found last. */
    private int nameHint;

    CanonicalJson(byte[] bytes, int offset, int length) {
        this.b = bytes;
        this.i = offset;
        this.end = offset + length;
    }

    byte[] bytes() {
        return b;
    }

    int textFrom() {
        return textFrom;
    }

    int textTo() {
        return textTo;
    }

    boolean atEnd() {
        return i == end;
    }

    boolean at(char c) {
        return i < end && b[i] == c;
    }

    /** Consumes {@code c} if it is next. */
    boolean take(char c) {
        if (i < end && b[i] == c) {
            i++;
            return true;
        }
        return false;
    }

    void expect(char c) throws NotCanonical {
        if (!take(c)) {
            throw NOT_CANONICAL;
        }
    }

    /**
     * A field's name and its colon. @return its index in {@code names}, or -1 for a name not there (a name
     * with an escape could spell any of them: not canonical)
     */
    int name(Names names) throws NotCanonical {
        int expected = names.expectedAt(b, i, end, nameHint);
        if (expected >= 0) { // the name producers write next, quotes and colon included: nothing to scan or look up
            i += names.length(expected) + 3;
        } else {
            string();
            if (escaped) {
                throw NOT_CANONICAL;
            }
            expect(':');
            expected = names.indexOf(b, textFrom, textTo);
        }
        if (expected >= 0) {
            nameHint = expected + 1;
        }
        return expected;
    }

    /** The bytes a string's content runs over without a closer look: not a quote, a backslash or a control character. */
    private static final boolean[] PLAIN = new boolean[256];

    static {
        for (int c = 0; c < 256; c++) {
            PLAIN[c] = c >= 0x20 && c != '"' && c != '\\';
        }
    }

    /** A string, the cursor at its opening quote: {@link #textFrom()} to {@link #textTo()} are its bytes. */
    void string() throws NotCanonical {
        expect('"');
        int from = i;
        boolean esc = false;
        while (true) {
            while (i < end && PLAIN[b[i] & 0xff]) {
                i++;
            }
            if (i >= end) {
                throw NOT_CANONICAL;
            }
            byte c = b[i];
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                esc = true;
                i = afterEscape(i + 1);
            } else { // an unescaped control character: the parser refuses it
                throw NOT_CANONICAL;
            }
        }
        textFrom = from;
        textTo = i;
        escaped = esc;
        i++;
    }

    /** A string without escapes, or null. @return false for null (consumed) */
    boolean plainStringOrNull() throws NotCanonical {
        if (literal("null")) {
            return false;
        }
        string();
        if (escaped) {
            throw NOT_CANONICAL;
        }
        return true;
    }

    private int afterEscape(int at) throws NotCanonical {
        if (at >= end) {
            throw NOT_CANONICAL;
        }
        switch (b[at]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                return at + 1;
            }
            case 'u' -> {
                if (at + 5 > end) {
                    throw NOT_CANONICAL;
                }
                for (int k = at + 1; k <= at + 4; k++) {
                    byte h = b[k];
                    if (!(h >= '0' && h <= '9' || h >= 'a' && h <= 'f' || h >= 'A' && h <= 'F')) {
                        throw NOT_CANONICAL;
                    }
                }
                return at + 5;
            }
            default -> throw NOT_CANONICAL;
        }
    }

    /** Consumes the literal if it is next (its end is checked by what must follow it). */
    boolean literal(String word) {
        int n = word.length();
        if (i + n > end) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (b[i + k] != word.charAt(k)) {
                return false;
            }
        }
        i += n;
        return true;
    }

    boolean bool() throws NotCanonical {
        if (literal("true")) {
            return true;
        }
        if (literal("false")) {
            return false;
        }
        throw NOT_CANONICAL;
    }

    /** An integer that fits an int, written plainly (no fraction, exponent or leading zero). */
    int intValue() throws NotCanonical {
        long v = integer(10);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw NOT_CANONICAL;
        }
        return (int) v;
    }

    /** An integer of up to 18 digits (always a long), written plainly. */
    long longValue() throws NotCanonical {
        return integer(18);
    }

    private long integer(int maxDigits) throws NotCanonical {
        boolean negative = take('-');
        int from = i;
        long v = 0;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            v = v * 10 + (b[i] - '0');
            i++;
        }
        int digits = i - from;
        if (digits == 0 || digits > maxDigits || (digits > 1 && b[from] == '0')
                || (i < end && (b[i] == '.' || b[i] == 'e' || b[i] == 'E'))) {
            throw NOT_CANONICAL;
        }
        return negative ? -v : v;
    }

    /** Skips a value of any kind. */
    void skip() throws NotCanonical {
        skip(0);
    }

    private void skip(int depth) throws NotCanonical {
        if (i >= end || depth > DEEPEST) {
            throw NOT_CANONICAL;
        }
        switch (b[i]) {
            case '"' -> string();
            case '{' -> {
                i++;
                if (take('}')) {
                    return;
                }
                do {
                    string();
                    expect(':');
                    skip(depth + 1);
                } while (take(','));
                expect('}');
            }
            case '[' -> {
                i++;
                if (take(']')) {
                    return;
                }
                do {
                    skip(depth + 1);
                } while (take(','));
                expect(']');
            }
            case 't', 'f' -> bool();
            case 'n' -> {
                if (!literal("null")) {
                    throw NOT_CANONICAL;
                }
            }
            default -> skipNumber();
        }
    }

    /** -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
    private void skipNumber() throws NotCanonical {
        take('-');
        int from = i;
        int digits = digits();
        if (digits == 0 || (digits > 1 && b[from] == '0')) {
            throw NOT_CANONICAL;
        }
        if (take('.') && digits() == 0) {
            throw NOT_CANONICAL;
        }
        if (take('e') || take('E')) {
            if (!take('+')) {
                take('-');
            }
            if (digits() == 0) {
                throw NOT_CANONICAL;
            }
        }
    }

    private int digits() {
        int from = i;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        return i - from;
    }

    /**
     * Field names looked up by their bytes. The one after the name found last is tried first, where it lies
     * (the cursor keeps which): producers write a record's fields in one order, so that is nearly always the one.
     */
    static final class Names {

        private final byte[][] names;

        Names(String... names) {
            this.names = Arrays.stream(names).map(n -> n.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).toArray(byte[][]::new);
        }

        int length(int index) {
            return names[index].length;
        }

        /** The name after the one found last, if it is the one at {@code at}: {@code "name":}, exactly. @return its index or -1 */
        int expectedAt(byte[] b, int at, int end, int hint) {
            int index = hint < names.length ? hint : 0;
            byte[] name = names[index];
            int n = name.length;
            if (at + n + 3 > end || b[at] != '"' || b[at + n + 1] != '"' || b[at + n + 2] != ':') {
                return -1;
            }
            for (int k = 0; k < n; k++) {
                if (b[at + 1 + k] != name[k]) {
                    return -1;
                }
            }
            return index;
        }

        int indexOf(byte[] b, int from, int to) {
            for (int index = 0; index < names.length; index++) {
                byte[] name = names[index];
                if (name.length == to - from && Arrays.equals(name, 0, name.length, b, from, to)) {
                    return index;
                }
            }
            return -1;
        }
    }
}
