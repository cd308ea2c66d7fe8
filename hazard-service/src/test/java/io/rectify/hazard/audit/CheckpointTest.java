package io.rectify.hazard.audit;

import io.quarkus.test.junit.QuarkusTest;
import io.rectify.contracts.CloudEvent;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.Topics;
import io.rectify.contracts.audit.AuditCheckpoint;
import io.rectify.contracts.audit.CheckpointSignature;
import io.rectify.hazard.support.HazardFixtures.Place;
import io.rectify.hazard.support.HazardTestBase;
import io.rectify.platform.audit.AuditCheckpoints;
import io.rectify.platform.testing.DatabaseSuperuser;
import io.rectify.platform.testing.TopicProbe;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;


import static io.rectify.hazard.support.HazardFixtures.act;
import static io.rectify.hazard.support.HazardFixtures.admin;
import static io.rectify.hazard.support.HazardFixtures.enterprise;
import static io.rectify.hazard.support.HazardFixtures.given;
import static io.rectify.hazard.support.HazardFixtures.newCreditCode;
import static io.rectify.hazard.support.HazardFixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A checkpoint published on audit.checkpoints verifies with hazard-service's public key (as a party
 * outside the database would check it), and a history line changed after it no longer matches it.
 */
@QuarkusTest
class CheckpointTest extends HazardTestBase {

    @Inject
    AuditCheckpoints checkpoints;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void aCheckpointOnTheTopicVerifiesAndAChangedChainNoLongerMatchesIt() throws Exception {
        Place place = newCounty();
        String code = newCreditCode();
        String id = reportGeneral(place, code);
        act(enterprise(code), id, "plan", plan()).statusCode(200);

        // now, or the scheduled one that just took the turn: either covers the two lines
        AuditCheckpoint published = checkpoints.publish().or(() -> checkpoints.latest()).orElseThrow();
        ConsumerRecord<String, String> record = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> KAFKA.readAll(prefix + Topics.AUDIT_CHECKPOINTS, r -> "hazard-service".equals(r.key())
                        && EventJson.read(r.value(), AuditCheckpoint.class).seq() == published.seq()), l -> !l.isEmpty()).get(0);
        assertThat(TopicProbe.header(record, CloudEvent.H_TYPE)).isEqualTo("rectify.audit.AuditCheckpoint.v1");
        AuditCheckpoint onTopic = EventJson.read(record.value(), AuditCheckpoint.class);
        assertThat(onTopic.root()).isEqualTo(published.root());
        assertThat(onTopic.entries()).isGreaterThanOrEqualTo(2);
        var publicKey = CheckpointSignature.publicKey(Files.readString(Path.of("..", "deploy", "local", "audit", "hazard-service-public.pem")));
        assertThat(CheckpointSignature.verify(onTopic, publicKey)).isTrue();

        JsonPath before = check(onTopic.seq());
        assertThat(before.getBoolean("matches")).isTrue();
        assertThat(before.getBoolean("signatureValid")).isTrue();

        String keep = "checkpointed_" + id.replace("-", "");
        DatabaseSuperuser.execute(jdbcUrl, ("create table %2$s as select * from hazard_history where hazard_id = '%1$s' and seq = 1; "
                + "set session_replication_role = replica; update hazard_history set role = 'ADMIN' where hazard_id = '%1$s' and seq = 1")
                .formatted(id, keep));
        try {
            JsonPath after = check(onTopic.seq());
            assertThat(after.getBoolean("matches")).isFalse();
            assertThat(after.getString("root")).isEqualTo(onTopic.root());
            assertThat(after.getString("recomputedRoot")).isNotEqualTo(onTopic.root());
        } finally {
            DatabaseSuperuser.execute(jdbcUrl, ("set session_replication_role = replica; update hazard_history h set role = k.role from %2$s k "
                    + "where h.hazard_id = '%1$s' and h.seq = 1; drop table %2$s").formatted(id, keep));
        }
        assertThat(check(onTopic.seq()).getBoolean("matches")).isTrue();
    }

    private JsonPath check(long seq) {
        return given(admin()).get("/api/v1/audit/checkpoints/" + seq + "/verification").then().statusCode(200).extract().jsonPath();
    }

}
