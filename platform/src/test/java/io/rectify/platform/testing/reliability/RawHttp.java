package io.rectify.platform.testing.reliability;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sends requests byte for byte as built (no client-side normalisation of bodies or content types),
 * over HTTP/1.1, with a timeout: a hang is a finding, not a stuck build.
 */
public final class RawHttp {

    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public RawHttp(URI base) {
        this.base = base;
    }

    public Answer send(HostileRequest r, String authorization) {
        return send(r.method(), r.path(), r.query(), r.headers(), r.body(), r.chunked(), authorization);
    }

    public Answer send(String method, String path, Map<String, String> query, Map<String, String> headers, byte[] body,
                       boolean chunked, String authorization) {
        String q = query.isEmpty() ? "" : "?" + query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path + q))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, publisher);
            headers.forEach((k, v) -> {
                if (!RESTRICTED.contains(k.toLowerCase())) {
                    b.header(k, v);
                }
            });
            if (authorization != null) {
                b.header("Authorization", authorization);
            }
            HttpResponse<java.io.InputStream> answer = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            String contentType = answer.headers().firstValue("Content-Type").orElse(null);
            try (java.io.InputStream in = answer.body()) {
                // an open event stream never ends: its status and type are the answer
                String text = contentType != null && contentType.startsWith("text/event-stream") ? ""
                        : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return new Answer(answer.statusCode(), contentType, text, null);
            }
        } catch (IOException | IllegalArgumentException e) {
            return new Answer(-1, null, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, null, null, "interrupted");
        }
    }
}
