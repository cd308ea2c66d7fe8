package io.rectify.inspection;

import io.quarkus.test.junit.QuarkusTest;
import io.rectify.inspection.support.InspectionFixtures;
import io.rectify.platform.testing.DatabaseSuperuser;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.rectify.inspection.support.InspectionFixtures.ADMIN;
import static io.rectify.inspection.support.InspectionFixtures.as;
import static io.rectify.inspection.support.InspectionFixtures.consent;
import static io.rectify.inspection.support.InspectionFixtures.finding;
import static io.rectify.inspection.support.InspectionFixtures.recordFinding;
import static io.rectify.inspection.support.InspectionFixtures.schedule;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Consents, findings and the completion of an inspection form its hash chain; a forged finding is found at its entry. */
@QuarkusTest
class InspectionTrailTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String runtimeUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String runtimePassword;

    @Test
    void theRuntimeRoleCannotRewriteTheTrail() throws Exception {
        org.assertj.core.api.Assertions.assertThat(
                io.rectify.platform.testing.RuntimeRolePrivileges.forbiddenButAllowed(jdbcUrl, runtimeUser, runtimePassword, "inspection_trail")).isEmpty();
    }

    @Test
    void theInspectionsTrailIsChainedAndAForgedEntryIsFound() {
        String county = InspectionFixtures.county("绵阳市");
        String enterprise = InspectionFixtures.enterprise(county);
        InspectionFixtures.Expert expert = InspectionFixtures.expert();
        String id = schedule(enterprise, expert, LocalDate.of(2024, 4, 12));
        InspectionFixtures.action(id, "start", expert.bearer()).statusCode(200);
        consent(id, expert, "CONTROL_SYSTEM_DATA"); // two entries: the expert's request, the enterprise's confirmation
        String finding = recordFinding(id, expert, finding("OTHER", "GENERAL", null));
        as(expert.bearer()).delete("/api/v1/inspections/" + id + "/findings/" + finding).then().statusCode(204);
        InspectionFixtures.action(id, "complete", expert.bearer()).statusCode(200);

        String check = "/api/v1/inspections/" + id + "/trail/verification";
        as(expert.bearer()).get(check).then().statusCode(200)
                .body("intact", equalTo(true)).body("entries", equalTo(5)).body("brokenAt", nullValue());

        // the superuser turns the recorded finding into a major one, behind the service's back
        DatabaseSuperuser.execute(jdbcUrl, ("set session_replication_role = replica; update inspection_trail "
                + "set payload = jsonb_set(payload, '{grade}', '\"MAJOR\"') where inspection_id = '%s' and seq = 3").formatted(id));
        try {
            as(expert.bearer()).get(check).then().statusCode(200)
                    .body("intact", equalTo(false)).body("entries", equalTo(5)).body("brokenAt", equalTo(3));
            as(ADMIN).get("/api/v1/audit/trails/inspection_trail/" + id + "/verification").then().statusCode(200)
                    .body("intact", equalTo(false)).body("brokenAt", equalTo(3));
        } finally {
            DatabaseSuperuser.execute(jdbcUrl, ("set session_replication_role = replica; update inspection_trail "
                    + "set payload = jsonb_set(payload, '{grade}', '\"GENERAL\"') where inspection_id = '%s' and seq = 3").formatted(id));
        }
        as(expert.bearer()).get(check).then().statusCode(200).body("intact", equalTo(true));
        as(ADMIN).get("/api/v1/audit/trails/no_such_trail/" + id + "/verification").then().statusCode(404);
    }
}
