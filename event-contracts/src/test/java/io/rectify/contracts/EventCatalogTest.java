package io.rectify.contracts;

import io.rectify.contracts.EventCatalog.EventKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The module has a payload record for every event of contracts.md, and every record has its schema and fixture. */
class EventCatalogTest {

    /** The events of contracts.md's Kafka table, as CloudEvents types. */
    private static final Set<String> CONTRACTS_MD = Set.of(
            "rectify.inspection.InspectionScheduled.v1",
            "rectify.inspection.InspectionStarted.v1",
            "rectify.inspection.InspectionCancelled.v1",
            "rectify.inspection.FindingConfirmed.v1",
            "rectify.inspection.InspectionCompleted.v1",
            "rectify.inspection.ConsentGranted.v1",
            "rectify.inspection.EnterpriseRegistered.v1",
            "rectify.inspection.CountyRegistered.v1",
            "rectify.hazard.HazardReported.v1",
            "rectify.hazard.RectificationPlanSubmitted.v1",
            "rectify.hazard.RectificationSubmitted.v1",
            "rectify.hazard.VerificationRejected.v1",
            "rectify.hazard.HazardVerified.v1",
            "rectify.hazard.HazardSignedOff.v1",
            "rectify.hazard.DeadlineExtended.v1",
            "rectify.hazard.HazardReopened.v1",
            "rectify.hazard.HazardOverdue.v1",
            "rectify.scoring.CountyIndexChanged.v1",
            "rectify.notification.ReminderSent.v1",
            "rectify.notification.EscalationRaised.v1",
            "rectify.notification.NotificationFailed.v1",
            "rectify.notification.ChaseClosed.v1",
            "rectify.notification.NotificationAcknowledged.v1");

    @Test
    void everyEventOfTheContractHasAPayloadRecord() {
        assertThat(EventCatalog.all()).extracting(EventKind::cloudEventType)
                .doesNotHaveDuplicates()
                .containsAll(CONTRACTS_MD);
    }

    @Test
    void everyPayloadRecordHasASchemaAndAGoldenFixture() {
        List<EventKind> kinds = EventCatalog.all();
        assertThat(kinds).filteredOn(kind -> !EventCatalog.exists(kind.schemaPath()))
                .as("events without src/main/resources/<schemaPath>").isEmpty();
        assertThat(kinds).filteredOn(kind -> !EventCatalog.exists(kind.fixturePath()))
                .as("events without src/test/resources/<fixturePath>").isEmpty();
    }

    @Test
    void theCatalogSeesEveryPayloadRecordOfTheModule() throws Exception {
        // a payload record outside the sealed interfaces would otherwise escape every contract test
        Set<Class<?>> compiled;
        Path classes = Path.of(EventPayload.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            compiled = files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(EventCatalogTest::load)
                    .filter(c -> c.isRecord() && EventPayload.class.isAssignableFrom(c))
                    .collect(Collectors.toSet());
        }
        assertThat(EventCatalog.all().stream().<Class<?>>map(EventKind::type).toList())
                .containsExactlyInAnyOrderElementsOf(compiled);
    }

    @Test
    void everySchemaAndFixtureFileBelongsToAnEvent() throws Exception {
        Set<String> schemas = EventCatalog.all().stream().map(EventKind::schemaPath).collect(Collectors.toSet());
        Set<String> fixtures = EventCatalog.all().stream().map(EventKind::fixturePath).collect(Collectors.toSet());
        // shared definitions (HazardSnapshot, Actor, Evidence, Types) carry no version: they are not events
        assertThat(filesUnder("schemas", ".schema.json")).filteredOn(f -> f.matches(".*\\.v[0-9]+\\.schema\\.json"))
                .isNotEmpty().allMatch(schemas::contains);
        assertThat(filesUnder("fixtures", ".json")).isNotEmpty().allMatch(fixtures::contains);
    }

    @Test
    void eventNamesAreTheSimpleClassNamesExceptTheIndexDocument() {
        assertThat(EventCatalog.all())
                .filteredOn(kind -> !kind.name().equals(kind.type().getSimpleName()))
                .extracting(EventKind::name)
                .containsExactly("CountyIndexChanged");
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, EventCatalogTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> filesUnder(String resourceDir, String suffix) throws IOException, URISyntaxException {
        Path root = Path.of(EventCatalog.class.getClassLoader().getResource(resourceDir).toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> resourceDir + "/" + root.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> f.endsWith(suffix))
                    .toList();
        }
    }
}
