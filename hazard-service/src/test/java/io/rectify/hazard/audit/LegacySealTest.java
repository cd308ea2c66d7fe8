package io.rectify.hazard.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.platform.audit.AuditTrail;
import io.rectify.platform.audit.AuditVerifier;
import io.rectify.platform.audit.ChainVerification;
import io.rectify.platform.audit.LegacyTrailSeal;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lines written before a trail was chained (what V16 finds on a database of before) are sealed in
 * write order, one chain per aggregate, and then verify like any other chain.
 */
@QuarkusTest
class LegacySealTest {

    private static final AuditTrail LEGACY = new AuditTrail("legacy_seal_test", "legacy_history", "hazard_id",
            List.of("at", "who", "payload"));

    @Inject
    EntityManager em;

    @Inject
    AuditVerifier verifier;

    @Test
    void legacyLinesAreChainedInWriteOrderPerAggregate() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.unwrap(Session.class).doWork(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("create temp table legacy_history (id bigint generated always as identity primary key, hazard_id uuid not null, "
                            + "at timestamptz not null, who text, payload jsonb not null, seq bigint, prev_hash char(64), hash char(64)) on commit drop");
                }
                try (PreparedStatement ps = c.prepareStatement("insert into legacy_history (hazard_id, at, who, payload) values (?, ?, ?, ?::jsonb)")) {
                    UUID[] order = {a, b, a, a, b};
                    for (int i = 0; i < order.length; i++) {
                        ps.setObject(1, order[i]);
                        ps.setObject(2, java.time.OffsetDateTime.parse("2024-04-11T08:00:00.123456789Z").plusSeconds(i));
                        ps.setString(3, "user-" + i);
                        ps.setString(4, "{\"n\": " + i + ", \"amount\": 12000.50, \"text\": \"整改\"}");
                        ps.executeUpdate();
                    }
                }
                assertThat(LegacyTrailSeal.seal(c, LEGACY, "id")).isEqualTo(5);
            });
            ChainVerification first = verifier.verify(LEGACY, a);
            ChainVerification second = verifier.verify(LEGACY, b);
            assertThat(first).isEqualTo(new ChainVerification(true, 3, null));
            assertThat(second).isEqualTo(new ChainVerification(true, 2, null));
            em.createNativeQuery("delete from audit_chain_head where trail = 'legacy_seal_test'").executeUpdate();
        });
    }
}
