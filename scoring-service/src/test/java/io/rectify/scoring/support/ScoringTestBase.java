package io.rectify.scoring.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rectify.scoring.service.Sql;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * What the @QuarkusTests of scoring inherit: the topics of this run, the injected {@link Sql}, an
 * {@link Upstream} per test, and waits on the database. The static API helpers are in {@link ScoringFixtures}.
 */
public abstract class ScoringTestBase {

    @ConfigProperty(name = "rectify.kafka.topic-prefix")
    protected String prefix;

    @Inject
    protected Sql sql;

    protected Upstream upstream;

    @BeforeEach
    protected void upstream() {
        upstream = new Upstream(prefix);
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
