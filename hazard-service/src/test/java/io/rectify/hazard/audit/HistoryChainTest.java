package io.rectify.hazard.audit;

import io.quarkus.test.junit.QuarkusTest;
import io.rectify.hazard.support.HazardFixtures.Place;
import io.rectify.hazard.support.HazardTestBase;
import io.rectify.platform.testing.DatabaseSuperuser;
import io.rectify.platform.testing.RuntimeRolePrivileges;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.rectify.hazard.support.HazardFixtures.HAZARDS;
import static io.rectify.hazard.support.HazardFixtures.act;
import static io.rectify.hazard.support.HazardFixtures.admin;
import static io.rectify.hazard.support.HazardFixtures.countyRegulator;
import static io.rectify.hazard.support.HazardFixtures.enterprise;
import static io.rectify.hazard.support.HazardFixtures.given;
import static io.rectify.hazard.support.HazardFixtures.newCreditCode;
import static io.rectify.hazard.support.HazardFixtures.plan;
import static io.rectify.hazard.support.HazardFixtures.rectification;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hazard history is a hash chain: a line changed directly in the database by the superuser (who
 * can pass the append-only trigger) is found at the right entry by the endpoint, the scheduled walk's
 * gauge and its ERROR log line.
 */
@QuarkusTest
class HistoryChainTest extends HazardTestBase {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String runtimeUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String runtimePassword;

    @ConfigProperty(name = "quarkus.flyway.username")
    String ownerUser;

    @Test
    void theRuntimeRoleCanNeitherTruncateNorUpdateNorDeleteNorAlterTheTrails() throws Exception {
        assertThat(runtimeUser).as("services and migrations run as different roles").isNotEqualTo(ownerUser);
        reportGeneral(newCounty(), newCreditCode());
        for (String trail : List.of("hazard_history", "audit_checkpoint", "audit_checkpoint_head")) {
            assertThat(RuntimeRolePrivileges.forbiddenButAllowed(jdbcUrl, runtimeUser, runtimePassword, trail)).as(trail).isEmpty();
        }
    }

    @Test
    void aLineChangedByTheSuperuserIsReportedBrokenAtThatEntry() {
        Place place = newCounty();
        String code = newCreditCode();
        String id = reportGeneral(place, code);
        act(enterprise(code), id, "plan", plan()).statusCode(200);
        act(enterprise(code), id, "rectification", rectification(enterprise(code))).statusCode(200);

        List<Map<String, Object>> lines = given(countyRegulator(place)).get(HAZARDS + "/" + id + "/history").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertThat(lines).extracting(l -> l.get("seq")).containsExactly(1, 2, 3);
        assertThat(lines.get(1).get("prevHash")).isEqualTo(lines.get(0).get("hash"));
        JsonPath intact = verification(place, id);
        assertThat(intact.getBoolean("intact")).isTrue();
        assertThat(intact.getInt("entries")).isEqualTo(3);
        assertThat(intact.getString("brokenAt")).isNull();

        Captured errors = Captured.on("io.rectify.platform.audit.AuditWatch");
        // the superuser skips triggers (replication role) and rewrites who made the plan
        tamper(id, "set session_replication_role = replica; update hazard_history set who = 'someone-else' where hazard_id = '%s' and seq = 2");
        try {
            JsonPath broken = verification(place, id);
            assertThat(broken.getBoolean("intact")).isFalse();
            assertThat(broken.getInt("entries")).isEqualTo(3);
            assertThat(broken.getInt("brokenAt")).isEqualTo(2);

            given(admin()).get("/api/v1/audit/verification").then().statusCode(200)
                    .body("intact", org.hamcrest.Matchers.equalTo(false))
                    .body("broken.find { it.aggregateId == '" + id + "' }.brokenAt", org.hamcrest.Matchers.equalTo(2));
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(metric()).isGreaterThanOrEqualTo(1.0);
                assertThat(errors.messages()).anyMatch(m -> m.contains(id) && m.contains("at entry 2"));
            });
        } finally {
            errors.close();
            // put the truth back so the other tests of this run see intact trails
            tamper(id, "set session_replication_role = replica; update hazard_history set who = (select who from hazard_history h "
                    + "where h.hazard_id = '%1$s' and h.seq = 1) where hazard_id = '%1$s' and seq = 2");
        }
        assertThat(verification(place, id).getBoolean("intact")).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> metric() == 0.0);
    }

    @Test
    void aDeletedLineIsFoundToo() {
        Place place = newCounty();
        String code = newCreditCode();
        String id = reportGeneral(place, code);
        act(enterprise(code), id, "plan", plan()).statusCode(200);
        act(enterprise(code), id, "rectification", rectification(enterprise(code))).statusCode(200);
        String keep = "tampered_" + id.replace("-", "");
        tamper(id, "create table " + keep + " as select * from hazard_history where hazard_id = '%1$s' and seq = 2; "
                + "set session_replication_role = replica; delete from hazard_history where hazard_id = '%1$s' and seq = 2");
        try {
            JsonPath broken = verification(place, id);
            assertThat(broken.getBoolean("intact")).isFalse();
            assertThat(broken.getInt("brokenAt")).isEqualTo(2);
            assertThat(broken.getInt("entries")).isEqualTo(2);
        } finally {
            tamper(id, "insert into hazard_history overriding system value select * from " + keep + "; drop table " + keep);
        }
        assertThat(verification(place, id).getBoolean("intact")).isTrue();
    }

    /**
     * The walk of every chain reads the heads and the entries by separate statements; a hazard reported
     * between them was once reported broken "at entry 1" (seen in R7, three to eleven chains a walk under
     * load). Walks run while hazards are being reported: none of the new hazards may be found broken.
     */
    @Test
    void aWalkWhileHazardsAreReportedNeverFindsTheNewChainsBroken() throws Exception {
        Place place = newCounty();
        String code = newCreditCode();
        reportGeneral(place, code);
        java.util.Set<String> reported = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicBoolean reporting = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.ExecutorService reporters = java.util.concurrent.Executors.newFixedThreadPool(3);
        List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            running.add(reporters.submit(() -> {
                while (reporting.get()) {
                    reported.add(reportGeneral(place, code));
                }
                return null;
            }));
        }
        List<String> brokenNew = new java.util.ArrayList<>();
        int walks = 0;
        try {
            long until = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            while (System.nanoTime() < until || walks < 20) {
                List<String> broken = given(admin()).get("/api/v1/audit/verification").then().statusCode(200)
                        .extract().jsonPath().getList("broken.aggregateId", String.class);
                broken.stream().filter(reported::contains).forEach(brokenNew::add);
                walks++;
            }
        } finally {
            reporting.set(false);
            reporters.shutdown();
        }
        for (java.util.concurrent.Future<?> r : running) {
            r.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(reported).as("hazards reported during the walks").hasSizeGreaterThan(20);
        assertThat(brokenNew).as("new chains found broken in %d walks", walks).isEmpty();
        assertThat(given(admin()).get("/api/v1/audit/verification").then().statusCode(200)
                .extract().jsonPath().getList("broken.aggregateId", String.class)).doesNotContainAnyElementsOf(reported);
    }

    /**
     * A new hazard's REPORT line starts its chain with the head already at its final hash (one insert,
     * {@code AuditChain.startAll}); starting a chain that exists must fail, never fork or restart it.
     */
    @Test
    void aChainStartsOnceOnly() {
        Place place = newCounty();
        String id = reportGeneral(place, newCreditCode());
        Map<String, Object> line = new java.util.HashMap<>();
        line.put("at", java.time.Instant.now());
        line.put("who", "someone");
        line.put("role", "ADMIN");
        line.put("action", "REPORT");
        line.put("from_status", null);
        line.put("to_status", "REPORTED");
        line.put("payload", new io.rectify.platform.audit.AuditJson("{}"));
        line.put("hazard_version", 0L);
        List<io.rectify.platform.audit.AuditChain.Append> again = List.of(new io.rectify.platform.audit.AuditChain.Append(java.util.UUID.fromString(id), line));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .run(() -> chain.startAll(HazardTrails.HISTORY, again))).as("a second start of %s", id).isInstanceOf(RuntimeException.class);
        JsonPath intact = verification(place, id);
        assertThat(intact.getBoolean("intact")).isTrue();
        assertThat(intact.getInt("entries")).isEqualTo(1);
    }

    @jakarta.inject.Inject
    io.rectify.platform.audit.AuditChain chain;

    private JsonPath verification(Place place, String id) {
        return given(countyRegulator(place)).get(HAZARDS + "/" + id + "/history/verification").then().statusCode(200).extract().jsonPath();
    }

    private void tamper(String hazardId, String sql) {
        DatabaseSuperuser.execute(jdbcUrl, sql.formatted(hazardId));
    }

    private static double metric() {
        String body = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        return body.lines().filter(l -> l.startsWith("rectify_audit_chain_broken")).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElse(-1);
    }

    /** The log lines of one logger, as the running application writes them (JBoss LogManager is java.util.logging). */
    static final class Captured extends Handler {
        private final List<String> messages = new CopyOnWriteArrayList<>();
        private final Logger logger;

        private Captured(Logger logger) {
            this.logger = logger;
        }

        static Captured on(String name) {
            Logger logger = Logger.getLogger(name);
            Captured c = new Captured(logger);
            logger.addHandler(c);
            return c;
        }

        List<String> messages() {
            return messages;
        }

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                messages.add(record instanceof org.jboss.logmanager.ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }
}
