package io.rectify.hazard.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.hazard.support.HazardFixtures.Place;
import io.rectify.hazard.support.HazardTestBase;
import io.rectify.platform.testing.reliability.DatabaseFingerprint;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static io.rectify.hazard.support.HazardFixtures.HAZARDS;
import static io.rectify.hazard.support.HazardFixtures.admin;
import static io.rectify.hazard.support.HazardFixtures.agency;
import static io.rectify.hazard.support.HazardFixtures.assertProblem;
import static io.rectify.hazard.support.HazardFixtures.countyRegulator;
import static io.rectify.hazard.support.HazardFixtures.enterprise;
import static io.rectify.hazard.support.HazardFixtures.generalReport;
import static io.rectify.hazard.support.HazardFixtures.given;
import static io.rectify.hazard.support.HazardFixtures.majorReport;
import static io.rectify.hazard.support.HazardFixtures.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Writes checked against the registry (issue 12, point 2): a SELF_CHECK or REGULATOR report names an
 * enterprise registered at inspection-service (learned from EnterpriseRegistered) in the county it is
 * registered in. Every refusal is problem+json and changes no table (outbox included).
 */
@QuarkusTest
class RegistryWritesTest extends HazardTestBase {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void reportsNamingAnUnregisteredEnterpriseOrAnotherCountyAreRefusedAndChangeNothing() {
        Place home = newCounty();
        Place other = newCounty();
        String mine = newEnterprise(home);
        String neighbour = newEnterprise(other);
        String unregistered = newCreditCode();
        DatabaseFingerprint fingerprint = new DatabaseFingerprint(dataSource, Set.of());
        Map<String, Long> before = fingerprint.take();

        // an enterprise reports its own self-check into another registered county: the index of that county would count it
        refused(given(enterprise(mine)).body(generalReport(other, mine, "SELF_CHECK")).post(HAZARDS).then(), 422, "countyCode");
        // a well-formed credit code registered nowhere
        refused(given(enterprise(unregistered)).body(generalReport(home, unregistered, "SELF_CHECK")).post(HAZARDS).then(), 422,
                "enterpriseCreditCode");
        // another enterprise's code: 403 as before, whatever the registry says
        assertProblem(given(enterprise(mine)).body(generalReport(other, neighbour, "SELF_CHECK")).post(HAZARDS).then(), 403);
        // a regulator of the county names an enterprise registered elsewhere, or none
        refused(given(countyRegulator(home)).body(generalReport(home, neighbour, "REGULATOR")).post(HAZARDS).then(), 422, "countyCode");
        refused(given(countyRegulator(home)).body(majorReport(home, unregistered)).post(HAZARDS).then(), 422, "enterpriseCreditCode");
        // the enterprise's county but outside the regulator's jurisdiction: 403 first
        assertProblem(given(countyRegulator(home)).body(generalReport(other, neighbour, "REGULATOR")).post(HAZARDS).then(), 403);
        // agency systems and ADMIN are held to the registry too
        refused(given(agency()).body(generalReport(other, mine, "SELF_CHECK")).post(HAZARDS).then(), 422, "countyCode");
        refused(given(admin()).body(generalReport(home, unregistered, "REGULATOR")).post(HAZARDS).then(), 422, "enterpriseCreditCode");

        assertThat(DatabaseFingerprint.diff(before, fingerprint.take())).as("refused writes change nothing").isEmpty();

        // the same reports with the registered county are taken
        given(enterprise(mine)).body(generalReport(home, mine, "SELF_CHECK")).post(HAZARDS).then().statusCode(201);
        given(countyRegulator(other)).body(generalReport(other, neighbour, "REGULATOR")).post(HAZARDS).then().statusCode(201);
    }

    @Test
    void anEnterpriseThatMovesReportsInItsNewCountyAndALateOldRegistrationDoesNotMoveItBack() {
        Place before = newCounty();
        Place after = newCounty();
        String code = newEnterprise(before);
        given(enterprise(code)).body(generalReport(before, code, "SELF_CHECK")).post(HAZARDS).then().statusCode(201);

        registerEnterprise(code, after);
        refused(given(enterprise(code)).body(generalReport(before, code, "SELF_CHECK")).post(HAZARDS).then(), 422, "countyCode");
        given(enterprise(code)).body(generalReport(after, code, "SELF_CHECK")).post(HAZARDS).then().statusCode(201);

        // a registration older than the one held arrives late: ignored
        io.rectify.contracts.inspection.EnterpriseRegistered stale = new io.rectify.contracts.inspection.EnterpriseRegistered(
                code, "Old name", before.county(), null, false, null, java.time.Instant.now().minusSeconds(3600));
        java.util.UUID eventId = java.util.UUID.randomUUID();
        publishInspectionEvent(code, eventId, "EnterpriseRegistered", io.rectify.contracts.EventJson.write(stale));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> processed(eventId));
        assertThat(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> registry.countyOf(code))).contains(after.county());
        given(enterprise(code)).body(generalReport(after, code, "SELF_CHECK")).post(HAZARDS).then().statusCode(201);
    }

    private boolean processed(java.util.UUID eventId) throws java.sql.SQLException {
        try (var c = dataSource.getConnection();
             var st = c.prepareStatement("select count(*) from processed_event where event_id = ?")) {
            st.setObject(1, eventId);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        }
    }

    private static void refused(ValidatableResponse r, int status, String field) {
        assertProblem(r, status);
        r.body("errors[0].field", equalTo(field));
    }
}
