package io.rectify.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.contracts.EventCatalog.EventKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The schemas are sound, match their records, and carry the rules the domain fixes. */
class JsonSchemaTest {

    static List<EventKind> kinds() {
        return EventCatalog.all();
    }

    static List<String> schemaFiles() throws Exception {
        Path root = Path.of(EventCatalog.class.getClassLoader().getResource("schemas").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".schema.json"))
                    .map(f -> "schemas/" + root.relativize(f).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaFiles")
    void isAValidDraft2020SchemaThatAllowsAdditions(String schemaFile) {
        JsonNode schema = EventCatalog.readTree(schemaFile);

        assertThat(schema.path("$schema").asText()).isEqualTo(JsonSchemas.META_SCHEMA);
        assertThat(JsonSchemas.metaSchemaProblems(schema)).isEmpty();
        // consumers ignore unknown fields, so a producer's addition must not break validation either
        List<String> closed = new ArrayList<>();
        collectClosedObjects(schema, "", closed);
        assertThat(closed).as("object schemas without additionalProperties: true").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void describesExactlyTheFieldsOfItsRecord(EventKind kind) {
        assertThat(SchemaShape.differences(kind.type(), kind.schemaPath())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void refusesTheFixtureWithoutAnyOfItsRequiredFields(EventKind kind) {
        JsonNode required = EventCatalog.readTree(kind.schemaPath()).path("required");
        assertThat(required.size()).isPositive();
        required.forEach(field -> assertThat(Fixture.of(kind.name()).remove("/" + field.asText()).problems())
                .as("without " + field.asText())
                .anySatisfy(p -> assertThat(p).contains(field.asText())));
    }

    @Test
    void identifiersFollowTheirNationalFormats() {
        assertThat(Fixture.of("EnterpriseRegistered").set("/creditCode", "91510781MA62JY4T8I").problems()).isNotEmpty();
        assertThat(Fixture.of("EnterpriseRegistered").set("/creditCode", "91510781MA62JY4T8").problems()).isNotEmpty();
        assertThat(Fixture.of("CountyRegistered").set("/code", "51078").problems()).isNotEmpty();
        assertThat(Fixture.of("CountyRegistered").set("/code", "gaedz1").problems()).isNotEmpty();
        assertThat(Fixture.of("CountyRegistered").set("/code", "GUANGANEDZ01X").problems()).as("13 characters").isNotEmpty();
        assertThat(Fixture.of("CountyRegistered").set("/code", "GUANGANEDZ").problems()).as("an economic zone's code").isEmpty();
        assertThat(Fixture.of("FindingConfirmed").set("/keyTask", "three_ones").problems()).isNotEmpty();
        assertThat(Fixture.of("FindingConfirmed").set("/keyTask", "CHEMICAL_PARKS").problems()).isEmpty();
        assertThat(Fixture.of("FindingConfirmed").set("/majorCriterion", "MHC-21").problems()).isNotEmpty();
    }

    @Test
    void formatsAreAssertedNotJustAnnotated() {
        assertThat(Fixture.of("InspectionStarted").set("/inspectionId", "3f6c2a4e-8d1b").problems()).isNotEmpty();
        assertThat(Fixture.of("InspectionStarted").set("/occurredAt", "2024-04-11 09:05").problems()).isNotEmpty();
        assertThat(Fixture.of("InspectionStarted").set("/occurredAt", "2024-04-11T09:05:00+08:00").problems())
                .as("timestamps are UTC").isNotEmpty();
        assertThat(Fixture.of("InspectionScheduled").set("/scheduledOn", "2024-13-01").problems()).isNotEmpty();
    }

    @Test
    void gradesAndMajorCriteriaGoTogether() {
        assertThat(Fixture.of("FindingConfirmed").set("/grade", "SEVERE").problems()).isNotEmpty();
        assertThat(Fixture.of("FindingConfirmed").remove("/majorCriterion").problems()).as("MAJOR without criterion").isNotEmpty();
        assertThat(Fixture.of("FindingConfirmed").set("/grade", "GENERAL").problems()).as("GENERAL with criterion").isNotEmpty();
        assertThat(Fixture.of("FindingConfirmed").set("/grade", "GENERAL").remove("/majorCriterion").problems()).isEmpty();
        assertThat(Fixture.of("HazardReported").remove("/hazard/majorCriterion").problems()).isNotEmpty();
        assertThat(Fixture.of("HazardOverdue").set("/hazard/majorCriterion", "MHC-05").problems()).isNotEmpty();
    }

    @Test
    void findingsAreRectifiedWithinAYear() {
        assertThat(Fixture.of("FindingConfirmed").set("/rectificationDays", 0).problems()).isNotEmpty();
        assertThat(Fixture.of("FindingConfirmed").set("/rectificationDays", 366).problems()).isNotEmpty();
        assertThat(Fixture.of("FindingConfirmed").set("/rectificationDays", 365).problems()).isEmpty();
        assertThat(Fixture.of("FindingConfirmed").set("/evidence/0/kind", "VIDEO").problems()).isNotEmpty();
        assertThat(Fixture.of("FindingConfirmed").set("/evidence/0/sha256", "abc").problems()).isNotEmpty();
    }

    @Test
    void theSnapshotShowsTheStatusTheEventLeadsTo() {
        assertThat(Fixture.of("HazardReported").set("/hazard/status", "RECTIFYING").problems()).isNotEmpty();
        assertThat(Fixture.of("HazardSignedOff").set("/hazard/status", "VERIFIED").problems()).isNotEmpty();
        assertThat(Fixture.of("HazardSignedOff").remove("/hazard/signedOffAt").problems()).as("signed off when?").isNotEmpty();
        assertThat(Fixture.of("HazardOverdue").set("/hazard/status", "PENDING_VERIFICATION").problems()).isNotEmpty();
        assertThat(Fixture.of("HazardOverdue").set("/hazard/status", "RECTIFYING").problems()).isEmpty();
        assertThat(Fixture.of("HazardOverdue").set("/hazard/overdue", false).problems()).isNotEmpty();
        assertThat(Fixture.of("HazardReported").set("/hazard/status", "CLOSED").problems()).isNotEmpty();
    }

    @Test
    void hazardsFromInspectionsNameTheirFindingAndAtMostTwoExtensions() {
        assertThat(Fixture.of("HazardReported").remove("/hazard/findingId").problems()).isNotEmpty();
        assertThat(Fixture.of("HazardReported").set("/hazard/source", "SELF_CHECK").remove("/hazard/findingId").remove("/hazard/inspectionId").problems()).isEmpty();
        assertThat(Fixture.of("HazardReported").set("/hazard/source", "PHONE").problems()).isNotEmpty();
        assertThat(Fixture.of("DeadlineExtended").set("/hazard/extensions", 3).problems()).isNotEmpty();
        assertThat(Fixture.of("HazardReported").set("/actor/role", "VISITOR").problems()).isNotEmpty();
    }

    @Test
    void planAndRectificationCarryWhatTheDomainRequires() {
        assertThat(Fixture.of("RectificationPlanSubmitted").remove("/plan/contingencyPlan").problems()).isNotEmpty();
        assertThat(Fixture.of("RectificationPlanSubmitted").set("/plan/fundingCny", -1).problems()).isNotEmpty();
        assertThat(Fixture.of("RectificationPlanSubmitted").set("/plan/fundingCny", 0).problems()).isEmpty();
        assertThat(Fixture.of("RectificationSubmitted").set("/evidence", List.of()).problems()).as("evidence required").isNotEmpty();
        assertThat(Fixture.of("VerificationRejected").set("/reason", "").problems()).isNotEmpty();
    }

    @Test
    void anIndexIsAbsentOnlyWithTheReasonNoData() {
        assertThat(Fixture.of("CountyIndexChanged").remove("/index").problems()).isNotEmpty();
        assertThat(Fixture.of("CountyIndexChanged").remove("/index").remove("/base").set("/reason", "NO_DATA").problems()).isEmpty();
        assertThat(Fixture.of("CountyIndexChanged").set("/index", 100.1).problems()).isNotEmpty();
        assertThat(Fixture.of("CountyIndexChanged").remove("/indicators/0/rate").problems()).as("applicable without rate").isNotEmpty();
        assertThat(Fixture.of("CountyIndexChanged").set("/indicators/0/applicable", false).remove("/indicators/0/rate")
                .remove("/indicators/0/score").problems()).isEmpty();
    }

    @Test
    void chasingUsesItsOwnLadder() {
        assertThat(Fixture.of("EscalationRaised").set("/level", "COUNTY").problems()).isNotEmpty();
        assertThat(Fixture.of("ReminderSent").set("/step", "REMIND").problems()).isNotEmpty();
        assertThat(Fixture.of("ReminderSent").set("/channel", "FAX").problems()).isNotEmpty();
        assertThat(Fixture.of("ReminderSent").set("/channel", "SMS").problems()).isEmpty();
        assertThat(Fixture.of("NotificationAcknowledged").set("/via", "EMAIL").problems()).isNotEmpty();
        assertThat(Fixture.of("NotificationFailed").set("/reason", "TIMEOUT").problems()).isNotEmpty();
        assertThat(Fixture.of("NotificationFailed").set("/reason", "DELIVERY_FAILED").set("/channel", "WEBHOOK").problems()).isEmpty();
    }

    /** Paths of object schemas (type object with properties) that do not say additionalProperties: true. */
    private static void collectClosedObjects(JsonNode node, String path, List<String> into) {
        if (node.isObject()) {
            if ("object".equals(node.path("type").asText()) && node.has("properties")
                    && !node.path("additionalProperties").asBoolean(false)) {
                into.add(path.isEmpty() ? "/" : path);
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                collectClosedObjects(field.getValue(), path + "/" + field.getKey(), into);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectClosedObjects(node.get(i), path + "/" + i, into);
            }
        }
    }
}
