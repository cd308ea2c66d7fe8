package io.rectify.platform.testing.reliability;

import java.io.ByteArrayInputStream;
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

    /** The body as text; an event stream never ends, so its status and type are the whole answer. */
    private static HttpResponse.BodySubscriber<String> bodyOf(HttpResponse.ResponseInfo info) {
        boolean stream = info.headers().firstValue("Content-Type").filter(t -> t.startsWith("text/event-stream")).isPresent();
        if (!stream) {
            return HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
        }
        java.util.concurrent.CompletableFuture<String> done = java.util.concurrent.CompletableFuture.completedFuture("");
        return new HttpResponse.BodySubscriber<>() {
            @Override
            public java.util.concurrent.CompletionStage<String> getBody() {
                return done;
            }

            @Override
            public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
                subscription.cancel();
            }

            @Override
            public void onNext(java.util.List<java.nio.ByteBuffer> item) {
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
            }
        };
    }

    public Answer send(HostileRequest r, String authorization) {
        return send(r.method(), r.path(), r.query(), r.headers(), r.body(), r.chunked(), authorization);
    }

    public Answer send(String method, String path, Map<String, String> query, Map<String, String> headers, byte[] body,
                       boolean chunked, String authorization) {
        return exchange(method, path, query, headers, body, chunked, authorization);
    }

    private Answer exchange(String method, String path, Map<String, String> query, Map<String, String> headers, byte[] body,
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
            java.util.concurrent.CompletableFuture<HttpResponse<String>> exchange = client.sendAsync(b.build(), RawHttp::bodyOf);
            try {
                HttpResponse<String> answer = exchange.get(30, java.util.concurrent.TimeUnit.SECONDS);
                return new Answer(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(null), answer.body(), null);
            } catch (java.util.concurrent.TimeoutException e) {
                exchange.cancel(true);
                return new Answer(-1, null, null, "no complete answer within 30 s");
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                return new Answer(-1, null, null, cause.getClass().getSimpleName() + ": " + cause.getMessage());
            }
        } catch (IllegalArgumentException e) {
            return new Answer(-1, null, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, null, null, "interrupted");
        }
    }
}
