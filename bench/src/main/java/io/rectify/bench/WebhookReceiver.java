package io.rectify.bench;

import io.rectify.contracts.notification.WebhookSignature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal, fast webhook receiver for P4: answers 200 to every POST and counts deliveries by their
 * {@code X-Rectify-Delivery} id: the first time a delivery, again a duplicate.
 */
final class WebhookReceiver implements AutoCloseable {


    private final HttpServer server;
    private final ExecutorService pool;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong unsigned = new AtomicLong();
    private volatile long firstAt;
    private volatile long lastAt;
    /** Deliveries before the window (the warm-up round): not counted in it. */
    private volatile long before;

    WebhookReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        pool = Executors.newFixedThreadPool(8);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
        }
        String id = exchange.getRequestHeaders().getFirst(WebhookSignature.DELIVERY_HEADER);
        if (exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER) == null) {
            unsigned.incrementAndGet();
        }
        long now = System.nanoTime();
        if (id != null && seen.add(id)) {
            if (firstAt == 0) {
                firstAt = now;
            }
            lastAt = now;
        } else {
            duplicates.incrementAndGet();
        }
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    /** Distinct deliveries since the window started. */
    long deliveries() {
        return seen.size() - before;
    }

    /**
     * Starts the measured window: deliveries so far (every one of the warm-up round has arrived) no longer count,
     * and the first and last times are those of the deliveries from now on.
     */
    void startWindow() {
        before = seen.size();
        firstAt = 0;
        lastAt = 0;
    }

    long duplicates() {
        return duplicates.get();
    }

    long unsigned() {
        return unsigned.get();
    }

    long firstAt() {
        return firstAt;
    }

    long lastAt() {
        return lastAt;
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
