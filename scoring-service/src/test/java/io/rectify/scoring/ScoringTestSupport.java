package io.rectify.scoring;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.scoring.CountyIndexDocument;
import io.rectify.platform.testing.TestTokens;
import io.rectify.scoring.service.Sql;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** What the @QuarkusTests of scoring share: the topics of this run, an ADMIN reader, waiting for answers. */
public abstract class ScoringTestSupport {

    public static final String ADMIN = TestTokens.bearer("ADMIN");

    @ConfigProperty(name = "rectify.kafka.topic-prefix")
    protected String prefix;

    @Inject
    protected Sql sql;

    protected Upstream upstream;

    @BeforeEach
    void upstream() {
        upstream = new Upstream(prefix);
    }

    protected static Response getIndex(String code) {
        return RestAssured.given().header("Authorization", ADMIN).get("/api/v1/counties/{code}/index", code);
    }

    protected static CountyIndexDocument index(String code) {
        Response r = getIndex(code);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET index of " + code + " answered " + r.statusCode() + ": " + r.asString());
        }
        return EventJson.read(r.asString(), CountyIndexDocument.class);
    }

    /** Waits until the county's published index is {@code expected} (e.g. "59.1"). */
    protected static CountyIndexDocument awaitIndex(String code, String expected) {
        return await().atMost(Duration.ofSeconds(45)).until(() -> {
            Response r = getIndex(code);
            if (r.statusCode() != 200) {
                return null;
            }
            CountyIndexDocument d = EventJson.read(r.asString(), CountyIndexDocument.class);
            return d.index() != null && d.index().compareTo(new BigDecimal(expected)) == 0 ? d : null;
        }, d -> d != null);
    }

    protected void awaitProcessed(UUID eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                sql.one("select count(*) from processed_event where consumer = 'scoring' and event_id = ?", rs -> rs.getLong(1), eventId)
                        .orElse(0L)) == 1L);
    }

    protected long count(String query, Object... args) {
        return QuarkusTransaction.requiringNew().call(() -> sql.one(query, rs -> rs.getLong(1), args).orElse(0L));
    }
}
