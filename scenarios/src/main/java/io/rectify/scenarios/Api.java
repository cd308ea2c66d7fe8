package io.rectify.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectify.contracts.EventJson;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** A thin JSON-over-HTTP client of one Rectify service, acting with one bearer token. */
public final class Api {

    /** A non-2xx answer, with the problem document the service sent. */
    public static final class ApiException extends RuntimeException {
        private final int status;
        private final String body;

        ApiException(String method, String path, int status, String body) {
            super(method + " " + path + " -> " + status + " " + body);
            this.status = status;
            this.body = body;
        }

        public int status() {
            return status;
        }

        public String body() {
            return body;
        }
    }

    private static final ObjectMapper JSON = EventJson.mapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String token;

    public Api(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    public Api as(String otherToken) {
        return new Api(baseUrl, otherToken);
    }

    public JsonNode get(String path) {
        return send("GET", path, null, "application/json");
    }

    public String getText(String path, String accept) {
        HttpResponse<String> r = exchange("GET", path, null, accept);
        return r.body();
    }

    public JsonNode post(String path, Object body) {
        return send("POST", path, body, "application/json");
    }

    public JsonNode put(String path, Object body) {
        return send("PUT", path, body, "application/json");
    }

    /** Uploads a file as the raw request body (e.g. {@code POST /api/v1/evidence}); the name goes in Content-Disposition. */
    public JsonNode upload(String path, byte[] bytes, String contentType, String fileName) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json").header("Authorization", "Bearer " + token)
                    .header("Content-Type", contentType)
                    .header("Content-Disposition", "attachment; filename=\"" + fileName.replace("\"", "") + "\"")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new ApiException("POST", path, r.statusCode(), r.body());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + baseUrl + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private JsonNode send(String method, String path, Object body, String accept) {
        HttpResponse<String> r = exchange(method, path, body, accept);
        try {
            return r.body() == null || r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": answer is not JSON: " + r.body(), e);
        }
    }

    private HttpResponse<String> exchange(String method, String path, Object body, String accept) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", accept)
                    .header("Authorization", "Bearer " + token);
            if (body != null) {
                b.header("Content-Type", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                b.method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
                if (method.equals("POST")) {
                    b.header("Content-Type", "application/json");
                }
            }
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new ApiException(method, path, r.statusCode(), r.body());
            }
            return r;
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + baseUrl + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
