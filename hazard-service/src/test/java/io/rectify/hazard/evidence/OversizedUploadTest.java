package io.rectify.hazard.evidence;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upload over the limit (20 MiB by default) is a 413 and is never held in the heap: the live heap is
 * measured (after a full GC) while 15 MiB of a 24 MiB body have been sent and are paused, and again after
 * the answer — once with Content-Length (refused before the endpoint), once chunked (counted while spooled).
 * Measured (run of 2026-12-03): Content-Length +0.1 MiB during, 0 after; chunked +9.6 MiB during (Netty's
 * and the request stream's read-ahead buffers while the worker spools to disk), -0.7 MiB after. The bound
 * during is therefore 12 MiB — below the 15 MiB already sent, so the body is not being held — and 6 MiB after.
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
        HttpClient client = HttpClient.newHttpClient();
        long baseline = liveHeap();
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> new PausingPhoto(paused, resume));
        HttpRequest request = HttpRequest.newBuilder(evidence).header("Authorization", TestTokens.bearer("ENTERPRISE", "creditCode", "91510781MA6030001A"))
                .header("Content-Type", "image/jpeg")
                .POST(announced ? HttpRequest.BodyPublishers.fromPublisher(stream, SIZE) : stream).build();
        CompletableFuture<HttpResponse<String>> answer = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        assertThat(paused.await(30, TimeUnit.SECONDS)).as("the client sent %d bytes", PAUSE_AT).isTrue();
        long during = liveHeap();
        resume.countDown();
        HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
        long after = liveHeap();
        System.out.printf("oversized upload (%s): live heap %.1f MiB before, %.1f MiB with 15 MiB sent, %.1f MiB after; answer %d%n",
                announced ? "Content-Length" : "chunked", baseline / (double) MIB, during / (double) MIB, after / (double) MIB, response.statusCode());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(during - baseline).as("live heap growth while the body streams in").isLessThan(12 * MIB);
        assertThat(after - baseline).as("live heap growth after the answer").isLessThan(6 * MIB);
    }

    /** Heap in use after a full collection: what is live, not garbage waiting for the next GC. */
    private static long liveHeap() {
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** A JPEG start and then zeros, {@link #SIZE} bytes, stopping at {@link #PAUSE_AT} until told to go on. */
    static final class PausingPhoto extends InputStream {
        private final CountDownLatch paused;
        private final CountDownLatch resume;
        private long sent;

        PausingPhoto(CountDownLatch paused, CountDownLatch resume) {
            this.paused = paused;
            this.resume = resume;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (sent >= SIZE) {
                return -1;
            }
            if (sent >= PAUSE_AT && paused.getCount() > 0) {
                paused.countDown();
                try {
                    resume.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int n = (int) Math.min(len, (sent < PAUSE_AT ? PAUSE_AT : SIZE) - sent);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            if (sent == 0 && n >= 3) {
                b[off] = (byte) 0xFF;
                b[off + 1] = (byte) 0xD8;
                b[off + 2] = (byte) 0xFF;
            }
            sent += n;
            return n;
        }
    }
}
