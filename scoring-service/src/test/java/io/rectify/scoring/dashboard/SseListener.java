package io.rectify.scoring.dashboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** An open Server-Sent Events connection (no token) collecting each named event with its data line. */
final class SseListener implements AutoCloseable {

    record Event(String name, String data) {
    }

    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();

    SseListener(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET().build();
        response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            Thread reader = new Thread(() -> {
                String[] name = {null};
                try {
                    r.body().forEach(line -> {
                        if (line.startsWith("event:")) {
                            name[0] = line.substring(6).trim();
                        } else if (line.startsWith("data:")) {
                            events.add(new Event(name[0] == null ? "message" : name[0], line.substring(5).trim()));
                        } else if (line.isEmpty()) {
                            name[0] = null;
                        }
                    });
                } catch (java.io.UncheckedIOException closed) {
                    // the test closed the connection
                }
            }, "dashboard-sse-reader");
            reader.setDaemon(true);
            reader.start();
        });
    }

    int status() {
        return response.join().statusCode();
    }

    String contentType() {
        return response.join().headers().firstValue("Content-Type").orElse("");
    }

    List<Event> events() {
        return new ArrayList<>(events);
    }

    /** The first event of that name whose data satisfies the test, or {@code null}. */
    Event find(String name, Predicate<String> data) {
        return events.stream().filter(e -> e.name().equals(name) && data.test(e.data())).findFirst().orElse(null);
    }

    @Override
    public void close() {
        response.cancel(true);
        response.thenAccept(r -> r.body().close());
    }
}
