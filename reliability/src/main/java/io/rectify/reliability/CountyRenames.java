package io.rectify.reliability;

import io.rectify.contracts.EventJson;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A second, slower load through inspection-service, so its faults matter too: the scenario's counties
 * are renamed in turn, twice a second, one request at a time. Each rename publishes
 * {@code CountyRegistered}; hazard-service and scoring-service keep the latest. Afterwards every accepted
 * rename must be on {@code inspection.events} and all three databases must agree on each county's name.
 */
public final class CountyRenames {

    /** One rename and its answer ({@code status} 0: no answer; {@code timedOut}: none within the timeout). */
    public record Rename(String code, String name, int status, boolean timedOut, String retryAfter, String contentType, String phase) {
    }

    private final ReadyInstances inspection;
    private final String token;
    private final Fixture fixture;
    private final Supplier<String> phase;
    private final Duration timeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final List<Rename> renames = new ArrayList<>();
    private volatile boolean running;
    private Thread worker;

    /** @param inspection the instances of inspection-service: renames go to the ready ones in turn, refused ones to the next */
    public CountyRenames(ReadyInstances inspection, String token, Fixture fixture, Duration timeout, Supplier<String> phase) {
        this.inspection = inspection;
        this.token = token;
        this.fixture = fixture;
        this.timeout = timeout;
        this.phase = phase;
    }

    public void start() {
        running = true;
        worker = new Thread(this::loop, "county-renames");
        worker.setDaemon(true);
        worker.start();
    }

    public void stop() throws InterruptedException {
        running = false;
        worker.join(timeout.toMillis() + 5_000);
    }

    private void loop() {
        for (int n = 1; running; n++) {
            int i = n % fixture.counties().size();
            String code = fixture.counties().get(i);
            String name = "Reliability County " + code + " rev " + n;
            rename(n, code, name, fixture.cityOf(i), fixture.province());
            Fixture.sleep(500);
        }
    }

    private void rename(int n, String code, String name, String city, String province) {
        String body = EventJson.write(Map.of("name", name, "city", city, "province", province, "tier", "LEAD", "status", "KEY"));
        Rename r;
        try {
            List<String> targets = inspection.ready();
            HttpResponse<String> response = put(targets, n % targets.size(), targets.size(), code, body);
            r = new Rename(code, name, response.statusCode(), false, response.headers().firstValue("Retry-After").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(null), phase.get());
        } catch (HttpTimeoutException e) {
            r = new Rename(code, name, 0, !(e instanceof java.net.http.HttpConnectTimeoutException), null, null, phase.get());
        } catch (IOException e) {
            r = new Rename(code, name, 0, false, null, null, phase.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        synchronized (renames) {
            renames.add(r);
        }
    }

    /** To instance {@code target}; a refused connection (nobody listens there) goes on to the next instance. */
    private HttpResponse<String> put(List<String> targets, int target, int instancesLeft, String code, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(targets.get(target) + "/api/v1/counties/" + code))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            if (instancesLeft <= 1) {
                throw e;
            }
            return put(targets, (target + 1) % targets.size(), instancesLeft - 1, code, body);
        }
    }

    public List<Rename> renames() {
        synchronized (renames) {
            return List.copyOf(renames);
        }
    }

    /** The same rule as for hazard reports: what the phase allows. */
    public static boolean acceptable(Rename r) {
        if (r.status() == 200) {
            return true;
        }
        if (r.timedOut()) {
            return false;
        }
        if (r.status() == 0) {
            return r.phase().startsWith("inspection-service-down");
        }
        return r.status() == 503 && r.retryAfter() != null && r.contentType() != null
                && r.contentType().startsWith("application/problem+json") && Expectation.of(r.phase()).unavailableAllowed();
    }
}
