package io.rectify.hazard.evidence;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upload over the limit (20 MiB by default) is a 413 and is never held in the heap: the live heap is
 * measured (after a full GC) while 15 MiB of a 24 MiB body have been sent and are paused, and again after
 * the answer — once with Content-Length (refused before the endpoint), once chunked (counted while spooled).
 * The client is a plain socket, so nothing on the sending side holds the body in this JVM's heap (the JDK
 * HttpClient did: its chunked publisher buffered what the loopback accepted, which this test once counted
 * against the server). Bound: 6 MiB during and after, well below the 15 MiB already sent.
 */
@QuarkusTest
class OversizedUploadTest {

    static final long SIZE = 24L * 1024 * 1024;
    static final long PAUSE_AT = 15L * 1024 * 1024;
    static final long MIB = 1024 * 1024;

    @TestHTTPResource("/api/v1/evidence")
    URI evidence;

    @Test
    void announcedOversizedUploadIs413AndTheHeapStaysFlat() throws Exception {
        measure(true);
    }

    @Test
    void chunkedOversizedUploadIs413AndTheHeapStaysFlat() throws Exception {
        measure(false);
    }

    private void measure(boolean announced) throws Exception {
        long baseline = liveHeap();
        try (Socket socket = new Socket(evidence.getHost(), evidence.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST " + evidence.getPath() + " HTTP/1.1\r\nHost: " + evidence.getHost() + ":" + evidence.getPort()
                    + "\r\nAuthorization: " + TestTokens.bearer("ENTERPRISE", "creditCode", "91510781MA6030001A")
                    + "\r\nContent-Type: image/jpeg\r\nConnection: close\r\n"
                    + (announced ? "Content-Length: " + SIZE : "Transfer-Encoding: chunked") + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            // Written from another thread: once the server stops reading (the announced case is refused
            // up front), a blocking write would otherwise hang the test instead of letting it read the answer.
            CompletableFuture<Void> reached = new CompletableFuture<>();
            CountDownLatch resume = new CountDownLatch(1);
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> send(out, announced, reached, resume));
            CompletableFuture.anyOf(reached, sending).get(30, TimeUnit.SECONDS);
            long during = liveHeap();
            resume.countDown();
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            long after = liveHeap();
            System.out.printf("oversized upload (%s): live heap %.1f MiB before, %.1f MiB with 15 MiB sent, %.1f MiB after; answer %s%n",
                    announced ? "Content-Length" : "chunked", baseline / (double) MIB, during / (double) MIB, after / (double) MIB, status);
            assertThat(status).startsWith("HTTP/1.1 413");
            assertThat(during - baseline).as("live heap growth while the body streams in").isLessThan(6 * MIB);
            assertThat(after - baseline).as("live heap growth after the answer").isLessThan(6 * MIB);
        }
    }
    /**
     * Heap in use after a full collection: what is live, not garbage waiting for the next GC. The least of
     * three readings: the suite's JVM also runs the service's background work (relay rounds, consumers,
     * walks), whose objects are live for a moment and once made a refused upload read +8 MiB; a body held
     * in the heap is live in every reading and still shows.
     */
    private static long liveHeap() {
        long least = Long.MAX_VALUE;
        for (int reading = 0; reading < 3; reading++) {
            for (int i = 0; i < 2; i++) {
                System.gc();
            }
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    /**
     * Writes a JPEG start and then zeros, {@link #SIZE} bytes (as chunks unless announced), stopping at
     * {@link #PAUSE_AT} until told to go on. A server that closes early ends the sending quietly.
     */
    private static void send(OutputStream out, boolean announced, CompletableFuture<Void> reached, CountDownLatch resume) {
        byte[] piece = new byte[64 * 1024];
        piece[0] = (byte) 0xFF;
        piece[1] = (byte) 0xD8;
        piece[2] = (byte) 0xFF;
        try {
            for (long sent = 0; sent < SIZE; sent += piece.length) {
                if (sent == PAUSE_AT) {
                    out.flush();
                    reached.complete(null);
                    resume.await(60, TimeUnit.SECONDS);
                }
                if (!announced) {
                    out.write((Integer.toHexString(piece.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(piece);
                if (!announced) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                piece[0] = piece[1] = piece[2] = 0;
            }
            if (!announced) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException e) {
            // the server answered and closed before the whole body was sent: what an oversized upload may get
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
