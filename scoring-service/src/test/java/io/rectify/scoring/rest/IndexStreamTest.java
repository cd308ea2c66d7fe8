package io.rectify.scoring.rest;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.contracts.EventJson;
import io.rectify.platform.testing.TestTokens;
import io.rectify.scoring.service.IndexChange;
import io.rectify.scoring.service.IndexChangeListener;
import io.rectify.scoring.service.IndexChangeNotices;
import io.rectify.scoring.service.IndexStream;
import io.rectify.scoring.support.CountyStory;
import io.rectify.scoring.support.ScoringTestBase;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

import static io.rectify.scoring.support.ScoringFixtures.ADMIN;
import static io.rectify.scoring.support.ScoringFixtures.awaitIndex;
import static io.rectify.scoring.support.ScoringFixtures.index;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class IndexStreamTest extends ScoringTestBase {

    @TestHTTPResource("/api/v1/index-stream")
    URL streamUrl;

    @Inject
    IndexStream stream;

    @Inject
    IndexChangeListener listener;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String dbUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String dbPassword;

    @Test
    void theStreamDeliversEachChangeWithinTheCallersScope() throws Exception {
        CountyStory mine = CountyStory.create();
        upstream.publish(mine.registered());
        upstream.publish(mine.enterprise(CountyStory.newCreditCode()));
        awaitIndex(mine.code, "0.0");
        CountyStory other = CountyStory.create();

        HttpClient client = HttpClient.newHttpClient();
        int before = stream.subscribers();
        Listener admin = listen(client, ADMIN);
        Listener regulator = listen(client, TestTokens.bearer("COUNTY_REGULATOR", "county", mine.code));
        await().atMost(Duration.ofSeconds(20)).until(() -> stream.subscribers() >= before + 2);
        assertThat(admin.status()).isEqualTo(200);

        // a change elsewhere: the ADMIN sees it, the county regulator must not
        upstream.publish(other.registered());
        upstream.publish(other.enterprise(CountyStory.newCreditCode()));
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.changeOf(other.code) != null && admin.changeOf(other.code).index() != null);
        IndexChange change = admin.changeOf(other.code);
        assertThat(change.index()).isEqualByComparingTo("0.0");
        assertThat(change.period()).isEqualTo(index(other.code).period());

        // then a change in the regulator's county: it arrives after the other one would have
        String inspected = CountyStory.newCreditCode();
        upstream.publish(mine.enterprise(inspected));
        upstream.publish(mine.inspected(inspected, java.time.Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> regulator.changeOf(mine.code) != null
                && regulator.changeOf(mine.code).index() != null && regulator.changeOf(mine.code).index().compareTo(new java.math.BigDecimal("50.0")) == 0);
        assertThat(regulator.changeOf(other.code)).isNull();
        assertThat(regulator.changeOf(mine.code).previousIndex()).isNotNull();

        admin.cancel();
        regulator.cancel();
    }

    /**
     * What another scoring replica does when it stores an answer: it queues the notice in its own transaction on its own
     * database session. This replica's subscribers see the committed change and never the rolled-back one.
     */
    @Test
    void aChangeCommittedByAnotherReplicaReachesThisReplicasSubscribers() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        int before = stream.subscribers();
        Listener admin = listen(client, ADMIN);
        await().atMost(Duration.ofSeconds(20)).until(() -> stream.subscribers() >= before + 1 && listener.listening());
        String rolledBack = CountyStory.create().code;
        String committed = CountyStory.create().code;

        try (Connection otherReplica = DriverManager.getConnection(dbUrl, dbUser, dbPassword)) {
            otherReplica.setAutoCommit(false);
            IndexChangeNotices.send(otherReplica, List.of(change(rolledBack, "41.0")));
            otherReplica.rollback();
            IndexChangeNotices.send(otherReplica, List.of(change(committed, "42.0")));
            otherReplica.commit();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> admin.changeOf(committed) != null);
        assertThat(admin.changeOf(committed).index()).isEqualByComparingTo("42.0");
        assertThat(admin.changeOf(committed).previousIndex()).isEqualByComparingTo("40.0");
        assertThat(admin.changeOf(rolledBack)).isNull(); // notices arrive in commit order: the committed one came after it
        admin.cancel();
    }

    private static IndexChange change(String county, String index) {
        return new IndexChange(county, "县 " + county, "City", "Sichuan", 2026, new BigDecimal(index), new BigDecimal("40.0"), null,
                false, "2024.1", 2, Instant.now());
    }

    @Test
    void theStreamNeedsAToken() throws Exception {
        HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(streamUrl.toURI()).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(r.statusCode()).isEqualTo(401);
    }

    /** An open SSE connection collecting the JSON of every {@code data:} line. */
    record Listener(CompletableFuture<HttpResponse<Stream<String>>> response, ConcurrentLinkedQueue<IndexChange> changes) {

        int status() {
            return response.join().statusCode();
        }

        IndexChange changeOf(String code) {
            List<IndexChange> mine = changes.stream().filter(c -> c.countyCode().equals(code)).toList();
            return mine.isEmpty() ? null : mine.get(mine.size() - 1);
        }

        void cancel() {
            response.cancel(true);
        }
    }

    private Listener listen(HttpClient client, String authorization) throws Exception {
        ConcurrentLinkedQueue<IndexChange> changes = new ConcurrentLinkedQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(streamUrl.toString())).header("Authorization", authorization)
                .header("Accept", "text/event-stream").GET().build();
        CompletableFuture<HttpResponse<Stream<String>>> response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            Thread reader = new Thread(() -> r.body().filter(line -> line.startsWith("data:"))
                    .forEach(line -> changes.add(EventJson.read(line.substring(5).trim(), IndexChange.class))), "sse-reader");
            reader.setDaemon(true);
            reader.start();
        });
        return new Listener(response, changes);
    }
}
