package io.rectify.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * P7 evidence uploads (issue 14): {@code --clients} clients (32) each upload 1 MiB photos to
 * {@code POST /api/v1/evidence} for {@code --seconds}, while the service's heap is sampled from its
 * Prometheus endpoint; then the reference: the same clients insert the same bytes into a plain
 * {@code bytea} table of the same database over JDBC (PostgreSQL's own write rate of those bytes, one
 * commit per file as the service makes). Every photo is distinct (a counter in its first bytes), so the
 * content-addressed store keeps each one.
 */
final class UploadBench {

    static final int SIZE = 1024 * 1024;

    private UploadBench() {
    }

    /** {@code uploads --url … --metrics-url … --jdbc … --clients 32 --seconds 20 --name p7}. */
    static void run(Options o) throws Exception {
        String name = o.text("name", "p7");
        int clients = o.integer("clients", 32);
        Duration length = o.seconds("seconds", 20);
        URI url = URI.create(o.text("url", "http://127.0.0.1:9182/api/v1/evidence"));
        String token = "Bearer " + Setup.agencyToken(o);

        ChaseSweepBench.HeapWatch heap = new ChaseSweepBench.HeapWatch(URI.create(o.text("metrics-url", "http://127.0.0.1:9182/q/metrics")));
        heap.start();
        Thread.sleep(1200); // a baseline sample before the uploads start
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        AtomicLong errors = new AtomicLong();
        Rate service = rate(clients, length, (client, photo) -> {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60)).header("Authorization", token)
                    .header("Content-Type", "image/jpeg").POST(HttpRequest.BodyPublishers.ofByteArray(photo)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                if (errors.incrementAndGet() == 1) {
                    Report.info("%s: an upload answered %d: %s", name, response.statusCode(), response.body());
                }
                return false;
            }
            return true;
        });
        Thread.sleep(600); // one more sample after the last upload
        heap.stopWatching();

        String jdbc = o.text("jdbc", "jdbc:postgresql://127.0.0.1:5432/rectify_hazard_bench");
        try (Connection c = DriverManager.getConnection(jdbc, o.text("db-user", "rectify_owner"), o.text("db-password", "rectify_owner"));
             Statement s = c.createStatement()) {
            s.execute("drop table if exists bench_upload_ref");
            s.execute("create table bench_upload_ref (id bigserial primary key, data bytea not null)");
        }
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            connections.add(DriverManager.getConnection(jdbc, o.text("db-user", "rectify_owner"), o.text("db-password", "rectify_owner")));
        }
        Rate reference;
        try {
            reference = rate(clients, length, (client, photo) -> {
                try (PreparedStatement insert = connections.get(client).prepareStatement("insert into bench_upload_ref (data) values (?)")) {
                    insert.setBytes(1, photo);
                    insert.executeUpdate();
                }
                return true;
            });
        } finally {
            for (Connection c : connections) {
                c.close();
            }
            try (Connection c = DriverManager.getConnection(jdbc, o.text("db-user", "rectify_owner"), o.text("db-password", "rectify_owner"));
                 Statement s = c.createStatement()) {
                s.execute("drop table bench_upload_ref");
            }
        }

        Report.result(name + ".uploads", service.files());
        Report.result(name + ".errors", errors.get());
        Report.result(name + ".seconds", service.seconds());
        Report.result(name + ".per_s", service.files() / service.seconds());
        Report.result(name + ".mib_per_s", service.files() * (SIZE / 1048576.0) / service.seconds());
        Report.result(name + ".heap_before_mib", heap.firstBytes() / 1048576.0);
        Report.result(name + ".heap_peak_mib", heap.peakBytes() / 1048576.0);
        Report.result(name + ".heap_max_mib", heap.maxBytes() / 1048576.0);
        Report.result(name + ".ref_per_s", reference.files() / reference.seconds());
        Report.result(name + ".ref_mib_per_s", reference.files() * (SIZE / 1048576.0) / reference.seconds());
        Report.info("%s: %d clients uploaded %d photos of 1 MiB in %.1f s (%.1f/s, %d errors), heap %.0f -> peak %.0f MiB of %.0f; "
                        + "PostgreSQL alone: %.1f/s", name, clients, service.files(), service.seconds(), service.files() / service.seconds(),
                errors.get(), heap.firstBytes() / 1048576.0, heap.peakBytes() / 1048576.0, heap.maxBytes() / 1048576.0,
                reference.files() / reference.seconds());
    }

    /** One write of one photo by one client; false when it was refused. */
    interface Write {
        boolean write(int client, byte[] photo) throws Exception;
    }

    record Rate(long files, double seconds) {
    }

    /** Runs {@code clients} writers for {@code length}, each writing distinct 1 MiB photos back to back. */
    private static Rate rate(int clients, Duration length, Write write) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong written = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + length.toNanos();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            running.add(pool.submit(() -> {
                byte[] photo = photo();
                long n = 0;
                while (System.nanoTime() < deadline) {
                    // a JPEG start, then the client and its counter: every file distinct, the rest of the bytes reused
                    ByteBuffer.wrap(photo, 3, 16).putLong(client).putLong(n++);
                    if (write.write(client, photo)) {
                        written.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Rate(written.get(), seconds);
    }

    private static byte[] photo() {
        byte[] photo = new byte[SIZE];
        ThreadLocalRandom.current().nextBytes(photo); // incompressible, like a real photo
        photo[0] = (byte) 0xFF;
        photo[1] = (byte) 0xD8;
        photo[2] = (byte) 0xFF;
        return photo;
    }
}
