package io.rectify.bench;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * One open-loop phase of P1 (wrk2's model): request i is due at {@code start + i/rate} whatever happened
 * before, and its latency runs from that intended start to the end of its response, so the time it waited
 * behind a stalled server (queued for one of the {@code connections}) counts.
 *
 * <p>Plain HTTP/1.1 on non-blocking sockets driven by one thread and one selector, every request's bytes
 * built once up front, one request in flight per connection (no pipelining, as wrk2). Not the JDK's
 * HttpClient: at ~2,400 requests/s it took ~0.55 of a core of the 2-core machine (as much as the service
 * it measured, run 14 in bench/RESULTS.md), so the machine saturated and the p99 measured the client's
 * own CPU.
 *
 * <p>A request due while {@code maxOutstanding} (queued + in flight) are outstanding is not sent, and one
 * still unanswered {@code drain} after the last was due is given up: both count as errors and enter the
 * histogram with the time from their intended start to the end of the run (a lower bound), since dropping
 * them would hide exactly the tail this measures. Answers other than 201, closed connections and answers
 * slower than {@code timeout} are errors recorded with their latency.
 */
final class OpenLoop {

    /** Where to send and what: the requests (complete HTTP/1.1 messages) are used in turn. */
    record Target(InetSocketAddress address, List<byte[]> requests, Duration timeout) {

        static Target of(URI uri, String path, String authorization, List<String> bodies, Duration timeout) {
            String host = uri.getHost() + ":" + uri.getPort();
            List<byte[]> requests = new ArrayList<>(bodies.size());
            for (String body : bodies) {
                byte[] json = body.getBytes(StandardCharsets.UTF_8);
                byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                        + "Authorization: " + authorization + "\r\nContent-Length: " + json.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
                byte[] request = new byte[head.length + json.length];
                System.arraycopy(head, 0, request, 0, head.length);
                System.arraycopy(json, 0, request, head.length, json.length);
                requests.add(request);
            }
            return new Target(new InetSocketAddress(uri.getHost(), uri.getPort()), requests, timeout);
        }
    }

    /** microseconds from the intended start, up to an hour */
    final Histogram histogram = new Histogram(3_600_000_000L, 3);
    /** Requests over {@link #SLOW_MS} by the second of the run they were due in: a stall shows as a few bad seconds. */
    final java.util.TreeMap<Long, Integer> slowBySecond = new java.util.TreeMap<>();
    static final long SLOW_MS = 50;
    private long startNanos;
    long scheduled;
    long ok;
    long failed;
    long unsent;
    long unfinished;
    double seconds;
    String firstError;

    private final Target target;
    private final double rate;
    private final int connectionCount;
    private final int maxOutstanding;
    private final Selector selector;
    private final List<Connection> connections = new ArrayList<>();
    private final ArrayDeque<Connection> free = new ArrayDeque<>();
    /** due and not sent yet: pairs of (request index, intended start) */
    private final ArrayDeque<long[]> queue = new ArrayDeque<>();
    private final List<Long> unsentAt = new ArrayList<>();
    private int outstanding;
    private long lastCompletion;

    OpenLoop(Target target, double rate, int connections, int maxOutstanding) throws IOException {
        this.target = target;
        this.rate = rate;
        this.connectionCount = connections;
        this.maxOutstanding = maxOutstanding;
        this.selector = Selector.open();
    }

    /** Runs the phase: {@code duration} of arrivals, then at most {@code drain} for the last answers. */
    void run(Duration duration, Duration drain, long firstRequest) throws IOException {
        for (int i = 0; i < connectionCount; i++) {
            Connection c = new Connection();
            c.open();
            connections.add(c);
            free.add(c);
        }
        long start = System.nanoTime();
        startNanos = start;
        long end = start + duration.toNanos();
        long deadline = end + drain.toNanos();
        long next = 0;
        long nextDue = start;
        long now = start;
        try {
            while (true) {
                now = System.nanoTime();
                for (; nextDue < end && nextDue <= now; next++, nextDue = start + (long) (next * 1e9 / rate)) {
                    scheduled++;
                    if (outstanding >= maxOutstanding) {
                        unsent++;
                        unsentAt.add(nextDue);
                        continue;
                    }
                    outstanding++;
                    queue.add(new long[]{firstRequest + next, nextDue});
                }
                pump(now);
                if ((nextDue >= end && outstanding == 0) || now >= deadline) {
                    break;
                }
                long wait = Math.min(nextDue < end ? nextDue - now : Long.MAX_VALUE, deadline - now);
                wait = Math.min(wait, 50_000_000L); // timeouts are looked at at least every 50 ms
                if (wait >= 1_000_000) {
                    selector.select(wait / 1_000_000);
                } else if (selector.selectNow() == 0 && wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    ((Connection) key.attachment()).ready(key);
                }
                selector.selectedKeys().clear();
                expire(System.nanoTime());
            }
            now = System.nanoTime();
            // no answer by the end of the run: a lower bound of their latency, and errors
            for (long[] q : queue) {
                histogram.recordValue(Math.max(0, now - q[1]) / 1000);
            }
            int inFlight = 0;
            for (Connection c : connections) {
                if (c.busy()) {
                    inFlight++;
                    histogram.recordValue(Math.max(0, now - c.intended) / 1000);
                }
            }
            for (long intended : unsentAt) {
                histogram.recordValue(Math.max(0, now - intended) / 1000);
            }
            unfinished = queue.size() + inFlight;
            seconds = (Math.max(end, unfinished + unsent > 0 ? now : lastCompletion) - start) / 1e9;
        } finally {
            for (Connection c : connections) {
                c.close();
            }
            selector.close();
        }
    }

    /** Sends queued requests while a connection is free. */
    private void pump(long now) throws IOException {
        while (!queue.isEmpty() && !free.isEmpty()) {
            long[] q = queue.poll();
            free.poll().send(q[0], q[1], now);
        }
    }

    private void expire(long now) throws IOException {
        long timeout = target.timeout().toNanos();
        for (Connection c : connections) {
            if (c.busy() && now - c.sentAt > timeout) {
                c.fail(now, "no answer within " + target.timeout());
            }
        }
    }

    /** A request ended: its latency from its intended start is recorded; {@code error} is null for a 201. */
    private void finished(long intended, long now, String error) {
        outstanding--;
        histogram.recordValue(Math.max(0, now - intended) / 1000);
        if (now - intended > SLOW_MS * 1_000_000) {
            slowBySecond.merge((intended - startNanos) / 1_000_000_000L, 1, Integer::sum);
        }
        lastCompletion = now;
        if (error == null) {
            ok++;
            return;
        }
        failed++;
        if (firstError == null) {
            firstError = error;
        }
    }

    /** One keep-alive connection with at most one request in flight. */
    private final class Connection {
        private SocketChannel channel;
        private SelectionKey key;
        private ByteBuffer out;
        private final ByteBuffer in = ByteBuffer.allocate(256 * 1024);
        private final Response response = new Response();
        long intended = -1;
        long sentAt;

        boolean busy() {
            return intended >= 0;
        }

        void open() throws IOException {
            channel = SocketChannel.open(target.address());
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            key = channel.register(selector, SelectionKey.OP_READ, this);
            in.clear();
        }

        void send(long index, long intended, long now) throws IOException {
            this.intended = intended;
            this.sentAt = now;
            response.reset();
            out = ByteBuffer.wrap(target.requests().get((int) (index % target.requests().size())));
            write();
        }

        private void write() throws IOException {
            channel.write(out);
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        void ready(SelectionKey k) throws IOException {
            if (!k.isValid()) {
                return;
            }
            if (k.isWritable() && out != null && out.hasRemaining()) {
                write();
            }
            if (k.isReadable()) {
                int n;
                try {
                    n = channel.read(in);
                } catch (IOException e) {
                    n = -1;
                }
                long now = System.nanoTime();
                if (n < 0) {
                    if (busy()) {
                        fail(now, "connection closed before an answer");
                    } else {
                        reopen();
                    }
                    return;
                }
                if (busy()) {
                    int status = response.parse(in);
                    if (status != 0) {
                        in.clear();
                        long was = intended;
                        intended = -1;
                        finished(was, now, status == 201 ? null : "HTTP " + status);
                        if (response.close) {
                            reopen();
                        } else {
                            free.add(this);
                        }
                    }
                }
            }
        }

        /** The request in flight failed: recorded with its latency; the connection starts over. */
        void fail(long now, String why) throws IOException {
            long was = intended;
            intended = -1;
            finished(was, now, why);
            reopen();
        }

        private void reopen() throws IOException {
            close();
            open();
            free.add(this);
        }

        void close() {
            try {
                if (key != null) {
                    key.cancel();
                }
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            free.remove(this);
        }
    }

    /**
     * Reads one HTTP/1.1 response from the bytes received so far (the buffer in write mode): its status once
     * complete (Content-Length or chunked body), else 0.
     */
    static final class Response {
        private int status;
        private boolean close;

        void reset() {
            status = 0;
            close = false;
        }

        int parse(ByteBuffer in) {
            byte[] b = in.array();
            int len = in.position();
            int headEnd = indexOf(b, 0, len, "\r\n\r\n");
            if (headEnd < 0) {
                return 0;
            }
            String head = new String(b, 0, headEnd, StandardCharsets.ISO_8859_1);
            status = Integer.parseInt(head.substring(9, 12));
            long contentLength = -1;
            boolean chunked = false;
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("content-length")) {
                    contentLength = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("transfer-encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                } else if (name.equalsIgnoreCase("connection") && value.equalsIgnoreCase("close")) {
                    close = true;
                }
            }
            int body = headEnd + 4;
            if (chunked) {
                return chunkedComplete(b, body, len) ? status : 0;
            }
            return len - body >= Math.max(0, contentLength) ? status : 0;
        }

        private static boolean chunkedComplete(byte[] b, int from, int len) {
            int p = from;
            while (true) {
                int lineEnd = indexOf(b, p, len, "\r\n");
                if (lineEnd < 0) {
                    return false;
                }
                String size = new String(b, p, lineEnd - p, StandardCharsets.ISO_8859_1);
                int semicolon = size.indexOf(';');
                long n = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                if (n == 0) {
                    return indexOf(b, lineEnd + 2, len, "\r\n") >= 0; // the trailer section's end
                }
                p = lineEnd + 2 + (int) n + 2;
                if (p > len) {
                    return false;
                }
            }
        }

        private static int indexOf(byte[] b, int from, int len, String what) {
            outer:
            for (int i = from; i <= len - what.length(); i++) {
                for (int j = 0; j < what.length(); j++) {
                    if (b[i + j] != what.charAt(j)) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
