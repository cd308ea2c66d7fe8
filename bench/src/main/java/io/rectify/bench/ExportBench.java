package io.rectify.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * P6 register export: downloads {@code GET /api/v1/hazards/export} once, as a client would, and reports
 * the time to the response headers, to the first body byte and to the last, the bytes (and CSV lines),
 * and the service's heap (first sample, peak, limit) sampled twice a second from its Prometheus endpoint.
 * The reference, PostgreSQL's {@code COPY … TO} of the same rows, is timed by run.sh.
 */
final class ExportBench {

    private ExportBench() {
    }

    /** {@code export --url … --metrics-url … --name p6.csv}. */
    static void run(Options o) throws Exception {
        String name = o.text("name", "p6");
        URI url = URI.create(o.text("url"));
        ChaseSweepBench.HeapWatch heap = new ChaseSweepBench.HeapWatch(URI.create(o.text("metrics-url", "http://127.0.0.1:9182/q/metrics")));
        heap.start();
        Thread.sleep(1200); // a baseline sample before the export starts
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofHours(1))
                .header("Authorization", "Bearer " + Setup.agencyToken(o)).GET().build();
        long start = System.nanoTime();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        long headers = System.nanoTime();
        if (response.statusCode() != 200) {
            throw new IllegalStateException("export answered " + response.statusCode() + ": " + new String(response.body().readAllBytes()));
        }
        long firstByte = 0;
        long bytes = 0;
        long lines = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = response.body()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (firstByte == 0 && n > 0) {
                    firstByte = System.nanoTime();
                }
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        long end = System.nanoTime();
        Thread.sleep(600); // one more sample after the last byte
        heap.stopWatching();
        double seconds = (end - start) / 1e9;
        Report.result(name + ".seconds", seconds);
        Report.result(name + ".headers_ms", (headers - start) / 1e6);
        Report.result(name + ".first_byte_ms", (firstByte - start) / 1e6);
        Report.result(name + ".bytes", bytes);
        Report.result(name + ".lines", lines);
        Report.result(name + ".mib_per_s", bytes / 1048576.0 / seconds);
        Report.result(name + ".heap_before_mib", heap.firstBytes() / 1048576.0);
        Report.result(name + ".heap_peak_mib", heap.peakBytes() / 1048576.0);
        Report.result(name + ".heap_max_mib", heap.maxBytes() / 1048576.0);
        Report.info("%s: %,d bytes (%,d lines) in %.1f s, first byte after %.0f ms, heap %.0f -> peak %.0f MiB of %.0f",
                name, bytes, lines, seconds, (firstByte - start) / 1e6, heap.firstBytes() / 1048576.0,
                heap.peakBytes() / 1048576.0, heap.maxBytes() / 1048576.0);
    }
}
