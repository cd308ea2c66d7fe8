package io.rectify.bench;

import io.rectify.contracts.notification.WebhookSignature;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal, fast webhook receiver for P4: answers 200 to every POST and counts deliveries by their
 * {@code X-Rectify-Delivery} id: the first time a delivery, again a duplicate.
 * <p>
 * It stands in for the agencies' systems, which run on machines of their own; here it shares the two cores
 * with the service and PostgreSQL, so what it costs is taken from what P4 measures. Vert.x on one event loop
 * (RESULTS run 30): the JDK's HttpServer with eight threads, before, took 0.2 of a core at 4,600 deliveries/s.
 */
final class WebhookReceiver implements AutoCloseable {

    private final Vertx vertx;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong unsigned = new AtomicLong();
    private volatile long firstAt;
    private volatile long lastAt;
    /** Deliveries before the window (the warm-up round): not counted in it. */
    private volatile long before;

    WebhookReceiver(int port) throws IOException {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
        try {
            vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port).setAcceptBacklog(1024))
                    .requestHandler(this::handle)
                    .listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            vertx.close();
            throw new IOException("the webhook receiver could not listen on port " + port, e);
        }
    }

    /** Counts the delivery once its body has been read, then answers 200 with no body. */
    private void handle(HttpServerRequest request) {
        String id = request.getHeader(WebhookSignature.DELIVERY_HEADER);
        boolean signed = request.getHeader(WebhookSignature.HEADER) != null;
        request.end().onComplete(read -> {
            if (!signed) {
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
            request.response().setStatusCode(200).end();
        });
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
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS); // its server with it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the process ends soon after: nothing else to release
        }
    }
}
