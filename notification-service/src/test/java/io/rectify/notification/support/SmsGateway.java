package io.rectify.notification.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.notification.WebhookSignature;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local SMS gateway: a real HTTP server (JDK HttpServer on a free loopback port) answering like the
 * providers do ({@code {"code":"OK"}} or an error code), scripted per phone number, keeping every request.
 */
public final class SmsGateway implements AutoCloseable {

    public static final String ACCESS_KEY_SECRET = "test-sms-secret-0123456789";

    /** One request as the gateway saw it. */
    public record Request(String phone, String signName, String templateCode, JsonNode params, String outId, String accessKey,
                          boolean signatureValid) {
    }

    private final HttpServer server;
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Integer> always = new ConcurrentHashMap<>();

    public SmsGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/sms/send", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            JsonNode json = EventJson.mapper().readTree(body);
            String phone = json.path("phoneNumbers").asText();
            received.add(new Request(phone, json.path("signName").asText(), json.path("templateCode").asText(),
                    EventJson.mapper().readTree(json.path("templateParam").asText("{}")), json.path("outId").asText(),
                    exchange.getRequestHeaders().getFirst("X-Sms-Access-Key"),
                    WebhookSignature.verify(body, exchange.getRequestHeaders().getFirst("X-Sms-Signature"), ACCESS_KEY_SECRET)));
            Deque<Integer> script = scripts.get(phone);
            Integer scripted = script == null ? null : script.poll();
            int status = scripted != null ? scripted : always.getOrDefault(phone, 200);
            byte[] answer = (status == 200 ? "{\"code\":\"OK\",\"bizId\":\"" + System.nanoTime() + "\"}"
                    : "{\"code\":\"isp.SYSTEM_ERROR\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms/send";
    }

    /** The next answers for a phone number, then 200. */
    public void script(String phone, Integer... statuses) {
        scripts.put(phone, new ConcurrentLinkedDeque<>(List.of(statuses)));
    }

    public void always(String phone, int status) {
        always.put(phone, status);
    }

    public List<Request> received(String phone) {
        List<Request> mine = new ArrayList<>();
        for (Request r : received) {
            if (r.phone().equals(phone)) {
                mine.add(r);
            }
        }
        return mine;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
