package io.rectify.platform.tracing;

import zipkin2.reporter.BytesMessageSender;
import zipkin2.reporter.Encoding;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Posts spans to a Zipkin server's {@code /api/v2/spans} with the JDK's HTTP client, so the Zipkin
 * exporter needs neither OkHttp nor the Kotlin runtime its default sender brings.
 */
final class ZipkinHttpSender implements BytesMessageSender {

    private static final int MAX_BYTES = 5 * 1024 * 1024;

    private final URI endpoint;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ZipkinHttpSender(String endpoint) {
        this.endpoint = URI.create(endpoint);
    }

    @Override
    public Encoding encoding() {
        return Encoding.JSON;
    }

    @Override
    public int messageMaxBytes() {
        return MAX_BYTES;
    }

    @Override
    public int messageSizeInBytes(List<byte[]> spans) {
        return Encoding.JSON.listSizeInBytes(spans);
    }

    @Override
    public int messageSizeInBytes(int spanBytes) {
        return Encoding.JSON.listSizeInBytes(spanBytes);
    }

    @Override
    public void send(List<byte[]> spans) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Encoding.JSON.encode(spans))).build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new IOException("Zipkin answered " + response.statusCode() + " to " + endpoint);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending spans to " + endpoint, e);
        }
    }

    @Override
    public void close() {
        // the JDK client holds no resources worth closing here
    }
}
