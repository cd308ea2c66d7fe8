package io.rectify.reliability;

import io.rectify.contracts.notification.WebhookSignature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.rectify.contracts.EventJson;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * The contacts' webhook endpoint for notification-service's deliveries, on loopback. It answers 200 to
 * everything and remembers every delivery, so the suite can count the same notification delivered
 * twice ({@code X-Rectify-Delivery}) and the same reminder sent as two notifications.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One delivery as received; {@code key} names the reminder: hazard, due date, step, sequence, level. */
    public record Delivery(String notificationId, String hazardId, String key, String step, String level, Instant receivedAt) {
    }

    private static final ObjectMapper JSON = EventJson.mapper();

    private final HttpServer server;
    private final List<Delivery> deliveries = new ArrayList<>();
    private long malformed;

    public WebhookReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                record(exchange.getRequestHeaders().getFirst(WebhookSignature.DELIVERY_HEADER), body);
                exchange.sendResponseHeaders(200, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    public String url(String level) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook/" + level.toLowerCase();
    }

    private void record(String deliveryId, byte[] body) {
        try {
            JsonNode n = JSON.readTree(body);
            String key = n.path("hazardId").asText() + "|" + n.path("dueAt").asText() + "|" + n.path("step").asText() + "|"
                    + n.path("sequence").asText() + "|" + n.path("level").asText();
            Delivery d = new Delivery(deliveryId, n.path("hazardId").asText(), key, n.path("step").asText(), n.path("level").asText(),
                    Instant.now());
            synchronized (this) {
                deliveries.add(d);
            }
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                malformed++;
            }
        }
    }

    public synchronized List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public synchronized long malformed() {
        return malformed;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
