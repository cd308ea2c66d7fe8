package io.rectify.bench;

import io.rectify.scenarios.data.ChaseSeeder;
import io.rectify.scenarios.data.SyntheticCounty;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;

/**
 * P4: {@code chases-seed} loads a million open chases into notification-service's database (COPY) with a
 * tenth of them parked "ready"; {@code chase-sweep} starts the webhook receiver, makes the ready chases due
 * in one statement and measures how fast notification-service sweeps and delivers them, how many
 * duplicates the receiver saw, and the service's peak heap (its Prometheus {@code jvm_memory_used_bytes}).
 */
final class ChaseSweepBench {

    static final String SECRET = "bench-webhook-secret";

    private ChaseSweepBench() {
    }

    private static ChaseSeeder seeder(Options o) {
        return new ChaseSeeder(Setup.seed(o), SyntheticCounty.of(o.text("prefix", "CH"), o.integer("counties", 100)), Setup.origin(o));
    }

    private static Connection connect(Options o) throws Exception {
        return DriverManager.getConnection(o.text("jdbc", "jdbc:postgresql://127.0.0.1:5432/rectify_notification_bench"),
                // the seeder empties tables: the owner role may, the services' runtime role may not (least privilege)
                o.text("db-user", "rectify_owner"), o.text("db-password", "rectify_owner"));
    }

    static void seed(Options o) throws Exception {
        long t0 = System.nanoTime();
        try (Connection c = connect(o)) {
            migrateIfEmpty(c, o);
            ChaseSeeder.Loaded loaded = seeder(o).seed(c, o.number("chases", 1_000_000), o.number("ready", 100_000),
                    "http://127.0.0.1:" + o.integer("port", 9190) + "/hooks/rectify", SECRET);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Report.info("seeded %d chases (%d ready) and %d contacts in %.1f s", loaded.chases(), loaded.ready(), loaded.contacts(), seconds);
            Report.result("p4.chases", loaded.chases());
            Report.result("p4.ready", loaded.ready());
            Report.result("p4.seed_seconds", seconds);
        }
    }

    /**
     * {@code --chase} alone starts from freshly created bench databases that no service has migrated yet: the
     * seeder needs notification-service's tables, so the bench's snapshot of the service is started once against
     * the database (its Flyway migrations run at start) and stopped as soon as the tables are there.
     */
    private static void migrateIfEmpty(Connection c, Options o) throws Exception {
        java.nio.file.Path jar = java.nio.file.Path.of(o.text("service-jar", ".run/bench/apps/notification-service/quarkus-run.jar"));
        String latest = latestMigration(jar.resolveSibling("app").resolve("notification-service-1.0.0-SNAPSHOT.jar"));
        if (migrated(c, latest)) {
            return;
        }
        Report.info("notification-service's tables are missing: migrating with %s", jar);
        ProcessBuilder pb = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString());
        pb.environment().put("RECTIFY_DB_URL", o.text("jdbc", "jdbc:postgresql://127.0.0.1:5432/rectify_notification_bench"));
        pb.environment().put("PORT", "0");
        // the service does not start without a key to check tokens with: the dev key `rectify up` uses
        pb.environment().put("RECTIFY_JWT_PUBLIC_KEY", java.nio.file.Path.of(o.text("jwt-public-key", "deploy/local/jwt/dev-public.pem")).toAbsolutePath().toString());
        pb.environment().put("RECTIFY_KAFKA_TOPIC_PREFIX", "bench-migrate.");
        java.nio.file.Path log = java.nio.file.Path.of(o.text("migrate-log", ".run/bench/logs/notification-service-migrate.log"));
        java.nio.file.Files.createDirectories(log.toAbsolutePath().getParent());
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process service = pb.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!migrated(c, latest)) {
                if (!service.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("notification-service did not migrate " + o.text("jdbc", "the bench database") + " (log: " + log + ")");
                }
                Thread.sleep(250);
            }
        } finally {
            service.destroy();
            if (!service.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
    }

    /** Whether the service's migrations up to {@code latest} are applied. */
    private static boolean migrated(Connection c, String latest) throws Exception {
        try (var ps = c.prepareStatement("select exists (select 1 from flyway_schema_history where success and version = ?)")) {
            ps.setString(1, latest);
            try (var rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (java.sql.SQLException e) {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
            return false;
        }
    }

    /** The highest version among the service jar's Flyway migrations ({@code db/migration/V<n>__…}, SQL or Java). */
    private static String latestMigration(java.nio.file.Path appJar) throws Exception {
        try (var zip = new java.util.zip.ZipFile(appJar.toFile())) {
            return zip.stream().map(java.util.zip.ZipEntry::getName)
                    .map(n -> java.util.regex.Pattern.compile("^db/migration/V([0-9.]+)__.*").matcher(n))
                    .filter(java.util.regex.Matcher::matches).map(m -> m.group(1))
                    .max(java.util.Comparator.comparingDouble(Double::parseDouble))
                    .orElseThrow(() -> new IllegalStateException("no Flyway migrations in " + appJar));
        }
    }

    static void run(Options o) throws Exception {
        Duration timeout = o.seconds("timeout", 300);
        HeapWatch heap = new HeapWatch(URI.create(o.text("metrics-url", "http://127.0.0.1:9184/q/metrics")));
        heap.start();
        try (WebhookReceiver receiver = new WebhookReceiver(o.integer("port", 9190)); Connection c = connect(o)) {
            JitClock jit = new JitClock(o.number("pid", 0));
            warmUp(receiver, c, o, jit);
            vacuum(c);
            long update = System.nanoTime();
            int due = seeder(o).makeReadyDue(c);
            JitClock.Mark window0 = jit.mark();
            // the clock starts when the chases are due to the service: at the commit of the UPDATE that makes them
            // due (autocommit), which the service cannot see before; the UPDATE's own time is the harness's, reported apart
            long t0 = System.nanoTime();
            Report.result("p4.make_due_s", (t0 - update) / 1e9);
            Report.info("%d chases due now; waiting for their deliveries", due);
            long deadline = t0 + timeout.toNanos();
            long lastReport = t0;
            while (receiver.deliveries() < due && System.nanoTime() < deadline) {
                Thread.sleep(100);
                if (System.nanoTime() - lastReport > 10_000_000_000L) {
                    lastReport = System.nanoTime();
                    Report.info("%d of %d delivered after %.0f s", receiver.deliveries(), due, (lastReport - t0) / 1e9);
                }
            }
            // a short grace period catches late duplicates
            Thread.sleep(1000);
            long delivered = receiver.deliveries();
            double window = ((delivered == due ? receiver.lastAt() : System.nanoTime()) - t0) / 1e9;
            double deliveringWindow = receiver.firstAt() == 0 ? window : Math.max(1e-3, (receiver.lastAt() - receiver.firstAt()) / 1e9);
            heap.stopWatching();
            Report.result("p4.jit_cores", jit.coresSince(window0)); // the window and the grace period after it
            Report.result("p4.due", due);
            Report.result("p4.delivered", delivered);
            Report.result("p4.duplicates", receiver.duplicates());
            Report.result("p4.unsigned", receiver.unsigned());
            Report.result("p4.seconds", window);
            Report.result("p4.rate", delivered / window);
            Report.result("p4.first_delivery_s", receiver.firstAt() == 0 ? -1 : (receiver.firstAt() - t0) / 1e9);
            Report.result("p4.delivery_rate", delivered / deliveringWindow);
            Report.result("p4.heap_peak_mib", heap.peakBytes() / 1048576.0);
            Report.result("p4.heap_max_mib", heap.maxBytes() / 1048576.0);
        } finally {
            heap.stopWatching();
        }
    }

    /**
     * {@code --warmup N}: rounds of N chases made due and delivered before the measured one, as P1 warms hazard-service
     * up: the service just started, and in a cold round of this size a third of its CPU went to the JIT compiler
     * (2026-12-06). One round did not settle it: the compiler threads still took 0.46 of a core through the measured
     * window that followed (RESULTS run 27). So rounds go on (the same chases made due again, see
     * {@link ChaseSeeder#makeRemindedDueAgain}) until the compiler threads ({@code --pid}) took at most
     * {@link JitClock#SETTLED} of a core in a round, {@code --warmup-rounds} at most. Their figures are reported apart
     * ({@code p4.warmup_*}); the measured window starts after the last round's last delivery.
     */
    private static void warmUp(WebhookReceiver receiver, Connection c, Options o, JitClock jit) throws Exception {
        int warm = o.integer("warmup", 0);
        if (warm <= 0) {
            return;
        }
        int maxRounds = Math.max(1, o.integer("warmup-rounds", 1));
        long t0 = System.nanoTime();
        long deadline = t0 + o.seconds("timeout", 300).toNanos();
        int[] due = {0};
        JitClock.Settled settled = jit.settle("round", maxRounds, n -> {
            due[0] += n == 1 ? seeder(o).makeDue(c, warm) : seeder(o).makeRemindedDueAgain(c);
            while (receiver.deliveries() < due[0] && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            if (receiver.deliveries() < due[0]) {
                throw new IllegalStateException("warm-up round " + n + " was not delivered within the timeout");
            }
            return receiver.deliveries() + " delivered";
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        Report.result("p4.warmup_due", due[0]);
        Report.result("p4.warmup_delivered", receiver.deliveries());
        Report.result("p4.warmup_rate", receiver.deliveries() / seconds);
        Report.result("p4.warmup_rounds", settled.rounds());
        Report.result("p4.warmup_last_jit_cores", settled.lastCores());
        receiver.startWindow();
    }

    /**
     * Vacuums the tables the warm-up rounds churned (each round updates its chases twice and adds notifications, outbox
     * events and audit heads), standing in for autovacuum, which this machine's PostgreSQL has turned off
     * ({@code conf.d/90-ci.conf}, not ours); {@code bquiet} already waits for autovacuum workers before every window.
     * Without it the window swept past ~200,000 dead chase rows and their index entries: 4,050/s against 5,359 and
     * 5,586/s after it (RESULTS run 33). Its time is reported apart ({@code p4.vacuum_s}), outside the window.
     */
    private static void vacuum(Connection c) throws java.sql.SQLException {
        long t0 = System.nanoTime();
        try (java.sql.Statement st = c.createStatement()) { // autocommit: VACUUM runs outside a transaction
            st.execute("vacuum (analyze) chase, notification, outbox_event, delivery_attempt, audit_chain_head");
        }
        Report.result("p4.vacuum_s", (System.nanoTime() - t0) / 1e9);
    }

    /** Samples the service's heap use twice a second from its Prometheus endpoint. */
    static final class HeapWatch extends Thread {
        private final URI metrics;
        private final HttpClient http = HttpClient.newHttpClient();
        private volatile boolean running = true;
        private volatile long peak;
        private volatile long max;
        private volatile long first = -1;

        HeapWatch(URI metrics) {
            super("heap-watch");
            setDaemon(true);
            this.metrics = metrics;
        }

        @Override
        public void run() {
            while (running) {
                try {
                    String text = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    long used = sum(text, "jvm_memory_used_bytes{area=\"heap\"");
                    long limit = sum(text, "jvm_memory_max_bytes{area=\"heap\"");
                    if (first < 0) {
                        first = used;
                    }
                    peak = Math.max(peak, used);
                    max = Math.max(max, limit);
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // the service is busy or restarting: the next sample counts
                }
            }
        }

        static long sum(String prometheus, String prefix) {
            double total = 0;
            for (String line : prometheus.split("\n")) {
                if (line.startsWith(prefix)) {
                    double v = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    if (v > 0) {
                        total += v;
                    }
                }
            }
            return (long) total;
        }

        long peakBytes() {
            return peak;
        }

        /** The first sample: the heap before the measured work began. */
        long firstBytes() {
            return first;
        }

        long maxBytes() {
            return max;
        }

        void stopWatching() {
            running = false;
        }
    }
}
