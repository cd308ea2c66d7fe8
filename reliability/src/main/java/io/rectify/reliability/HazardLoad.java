package io.rectify.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rectify.contracts.EventJson;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Posts hazard reports to hazard-service at a fixed rate (open loop: the schedule does not slow down
 * when answers do), at most {@code maxInFlight} at a time; a report that would exceed it is not sent
 * and counted as skipped. Every answer is recorded with the phase the scenario was in when it came back.
 * Each report carries a unique marker in its description and its own Idempotency-Key, so a report can
 * be found in the database and on the topic, and retried after the fault without creating a second hazard.
 */
public final class HazardLoad {

    private static final ObjectMapper JSON = EventJson.mapper();

    /** What one report is about; every {@code chaseEvery}-th is due within seconds so the chasing ladder runs. */
    public record Plan(String scenario, String runId, List<String> counties, List<String> enterprises, int chaseEvery, Duration chaseDueIn) {
    }

    private final ReadyInstances hazards;
    private final String token;
    private final Plan plan;
    private final int ratePerSecond;
    private final Semaphore inFlight;
    private final Duration timeout;
    private final Supplier<String> phase;
    private final HttpClient http;
    private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong seq = new AtomicLong();
    private final List<Instant> chaseDueDates = new ArrayList<>();
    private volatile boolean running;
    private Thread pacer;
    private final int maxInFlight;

    /**
     * @param hazards the instances of hazard-service: reports go to the ready ones in turn, and a report an instance
     *                refuses to connect goes to the next one, as a load balancer would do (R7)
     */
    public HazardLoad(ReadyInstances hazards, String token, Plan plan, int ratePerSecond, int maxInFlight, Duration timeout,
                      Supplier<String> phase) {
        this.hazards = hazards;
        this.token = token;
        this.plan = plan;
        this.ratePerSecond = ratePerSecond;
        this.maxInFlight = maxInFlight;
        this.inFlight = new Semaphore(maxInFlight);
        this.timeout = timeout;
        this.phase = phase;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3)).build();
    }

    public void start() {
        running = true;
        pacer = new Thread(this::pace, "load-" + plan.scenario());
        pacer.setDaemon(true);
        pacer.start();
    }

    private void pace() {
        long t0 = System.nanoTime();
        long issued = 0;
        while (running) {
            long due = (System.nanoTime() - t0) * ratePerSecond / 1_000_000_000L;
            for (; issued < due && running; issued++) {
                if (inFlight.tryAcquire()) {
                    send(nextReport(), false).whenComplete((a, e) -> inFlight.release());
                } else {
                    skipped.incrementAndGet();
                }
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Stops sending and waits (bounded) for the answers still outstanding. */
    public void stop() throws InterruptedException {
        running = false;
        if (pacer != null) {
            pacer.join(5_000);
        }
        if (!inFlight.tryAcquire(maxInFlight, timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("answers still outstanding " + (timeout.toSeconds() + 5) + " s after the load stopped");
        }
        inFlight.release(maxInFlight);
    }

    private record Report(long seq, String marker, String key, String body) {
    }

    private record Sent(Instant at, String phase) {
    }

    private Report nextReport() {
        long n = seq.incrementAndGet();
        String marker = "reliability " + plan.runId() + " " + plan.scenario() + " #" + n;
        ObjectNode body = JSON.createObjectNode();
        // enterprise k is registered in county k % counties (Fixture): a report names the pair the registry holds
        int k = (int) (n % plan.enterprises().size());
        body.put("enterpriseCreditCode", plan.enterprises().get(k));
        body.put("countyCode", plan.counties().get(k % plan.counties().size()));
        body.put("keyTask", "THREE_ONES");
        boolean major = n % 7 == 0;
        body.put("grade", major ? "MAJOR" : "GENERAL");
        if (major) {
            body.put("majorCriterion", "MHC-07");
        }
        body.put("description", marker);
        body.put("location", "tank farm " + (n % 13));
        if (plan.chaseEvery() > 0 && n % plan.chaseEvery() == 0) {
            Instant due = Instant.now().plus(plan.chaseDueIn());
            synchronized (chaseDueDates) {
                chaseDueDates.add(due);
            }
            body.put("dueAt", due.toString());
        } else {
            body.put("rectificationDays", 30);
        }
        body.put("source", "REGULATOR");
        return new Report(n, marker, UUID.randomUUID().toString(), EventJson.write(body));
    }

    private CompletableFuture<Attempt> send(Report r, boolean retry) {
        Sent sent = new Sent(Instant.now(), phase.get());
        List<String> targets = hazards.ready();
        return post(r, targets, (int) (r.seq() % targets.size()), targets.size())
                .handle((response, failure) -> {
                    Attempt a = failure == null ? answered(r, sent, response, retry) : failed(r, sent, failure, retry);
                    attempts.add(a);
                    return a;
                });
    }

    /** To instance {@code target}; a refused connection (nobody listens there) goes on to the next instance. */
    private CompletableFuture<HttpResponse<String>> post(Report r, List<String> targets, int target, int instancesLeft) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(targets.get(target) + "/api/v1/hazards"))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Idempotency-Key", r.key())
                .POST(HttpRequest.BodyPublishers.ofString(r.body()))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).exceptionallyCompose(failure -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            return cause instanceof ConnectException && instancesLeft > 1
                    ? post(r, targets, (target + 1) % targets.size(), instancesLeft - 1)
                    : CompletableFuture.failedFuture(cause);
        });
    }

    private Attempt answered(Report r, Sent sent, HttpResponse<String> response, boolean retry) {
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
        UUID id = null;
        String detail = abbreviate(response.body());
        if (status == 201) {
            try {
                JsonNode n = JSON.readTree(response.body());
                id = UUID.fromString(n.path("id").asText());
            } catch (IOException | IllegalArgumentException e) {
                detail = "201 without a hazard id: " + detail;
                status = -201;
            }
        }
        Attempt.Kind kind = status == 201 ? Attempt.Kind.CREATED : Attempt.Kind.STATUS;
        return new Attempt(r.seq(), r.marker(), r.key(), r.body(), sent.at(), Instant.now(), kind, status, id, retryAfter, contentType,
                detail, phase.get(), sent.phase(), retry);
    }

    private Attempt failed(Report r, Sent sent, Throwable failure, boolean retry) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        Attempt.Kind kind = cause instanceof HttpTimeoutException && !(cause instanceof java.net.http.HttpConnectTimeoutException)
                ? Attempt.Kind.TIMEOUT : Attempt.Kind.CONNECTION;
        if (kind == Attempt.Kind.CONNECTION && !(cause instanceof ConnectException || cause instanceof IOException)) {
            kind = Attempt.Kind.TIMEOUT; // anything else that left us without an answer counts as a hang
        }
        return new Attempt(r.seq(), r.marker(), r.key(), r.body(), sent.at(), Instant.now(), kind, 0, null, null, null,
                cause.getClass().getSimpleName() + ": " + cause.getMessage(), phase.get(), sent.phase(), retry);
    }

    /**
     * Sends again, once and with the same Idempotency-Key and body, every report that did not get a 201:
     * the client's side of "nothing lost". Sequential in small batches; bounded by the client timeout.
     */
    public void retryUnanswered() {
        List<Attempt> toRetry = attempts.stream().filter(a -> !a.retry() && a.kind() != Attempt.Kind.CREATED).toList();
        List<CompletableFuture<Attempt>> batch = new ArrayList<>();
        for (Attempt a : toRetry) {
            batch.add(send(new Report(a.seq(), a.marker(), a.idempotencyKey(), a.body()), true));
            if (batch.size() == 32) {
                batch.forEach(CompletableFuture::join);
                batch.clear();
            }
        }
        batch.forEach(CompletableFuture::join);
    }

    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    public long skipped() {
        return skipped.get();
    }

    /** The latest due date given to a chased report, if any. */
    public Instant lastChaseDue() {
        synchronized (chaseDueDates) {
            return chaseDueDates.stream().max(Instant::compareTo).orElse(null);
        }
    }

    public long chased() {
        synchronized (chaseDueDates) {
            return chaseDueDates.size();
        }
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 300 ? one.substring(0, 300) + "…" : one;
    }
}
