package io.rectify.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectify.contracts.EventJson;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A client of {@code GET /api/v1/index-stream}, as a dashboard behind a load balancer is: connected to
 * its preferred scoring instance, and when that connection breaks (the instance was killed or restarted)
 * connected again within a second to the first instance that answers, preferred one first. It keeps
 * every change it saw and the windows in which it had no connection; the stream is live (no replay), so
 * only a change committed inside such a window may be missing (R7 checks the rest against county.index).
 */
final class IndexStreamWatch implements AutoCloseable {

    /** One county answer, as the stream and county.index both name it. */
    record Change(String countyCode, int period, Instant computedAt) {
    }

    /** A window without a connection: from the moment the stream broke until it was open again. */
    record Gap(Instant from, Instant to) {
        boolean covers(Instant t, Duration margin) {
            return !t.isBefore(from.minus(margin)) && !t.isAfter(to.plus(margin));
        }
    }

    private static final ObjectMapper JSON = EventJson.mapper();

    private final String name;
    private final List<String> urls;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Set<Change> seen = ConcurrentHashMap.newKeySet();
    private final List<Gap> gaps = new ArrayList<>();
    private final List<String> connections = new ArrayList<>();
    private volatile Instant firstOpened;
    private volatile boolean running;
    private volatile boolean connected;
    private volatile InputStream body;
    private Thread worker;

    /** @param urls the scoring instances, the preferred one first */
    IndexStreamWatch(String name, List<String> urls, String token) {
        this.name = name;
        this.urls = List.copyOf(urls);
        this.token = token;
    }

    /** Starts and waits (bounded) until the stream is open. */
    void start() {
        running = true;
        worker = new Thread(this::loop, "index-stream-" + name);
        worker.setDaemon(true);
        worker.start();
        Instant deadline = Instant.now().plusSeconds(30);
        while (!connected) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + ": index-stream not open after 30 s on " + urls);
            }
            Fixture.sleep(100);
        }
    }

    private void loop() {
        Instant lost = null;
        while (running) {
            for (String url : urls) {
                if (!running) {
                    break;
                }
                try {
                    HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/index-stream"))
                            .timeout(Duration.ofSeconds(5))
                            .header("Authorization", "Bearer " + token)
                            .header("Accept", "text/event-stream")
                            .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
                    if (response.statusCode() != 200) {
                        response.body().close();
                        continue;
                    }
                    body = response.body();
                    synchronized (gaps) {
                        if (lost != null) {
                            gaps.add(new Gap(lost, Instant.now()));
                        }
                        connections.add(Instant.now() + " " + url);
                        if (firstOpened == null) {
                            firstOpened = Instant.now();
                        }
                    }
                    connected = true;
                    read(response.body());
                } catch (IOException e) {
                    // refused, reset or closed: the instance is gone; try the next one
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (connected) {
                    connected = false;
                    lost = Instant.now();
                }
            }
            if (!running) {
                return;
            }
            Fixture.sleep(250);
        }
    }

    private void read(InputStream in) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while (running && (line = lines.readLine()) != null) {
            if (line.startsWith("data:")) {
                JsonNode n = JSON.readTree(line.substring(5).trim());
                seen.add(new Change(n.path("countyCode").asText(), n.path("period").asInt(), Instant.parse(n.path("computedAt").asText())));
            }
        }
    }

    /** When the stream was first open: a live stream shows nothing from before. */
    Instant firstOpened() {
        return firstOpened;
    }

    Set<Change> seen() {
        return Set.copyOf(seen);
    }

    List<Gap> gaps() {
        synchronized (gaps) {
            return List.copyOf(gaps);
        }
    }

    /** When and where the stream was (re)opened. */
    List<String> connections() {
        synchronized (gaps) {
            return List.copyOf(connections);
        }
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        running = false;
        InputStream in = body;
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // closing is all we want
            }
        }
        // no interrupt: the loop sees running == false after its current read or connect (a daemon thread)
    }
}
