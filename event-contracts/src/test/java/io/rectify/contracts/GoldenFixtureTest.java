package io.rectify.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rectify.contracts.EventCatalog.EventKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The golden fixtures pin the wire format: each one reads into its record and writes back to the same
 * JSON, satisfies its schema, and still reads when a producer has added fields the consumer does not know.
 */
class GoldenFixtureTest {

    /** Where the aggregate id (record key, ce_subject) sits in a payload, per domain (contracts.md "Kafka" keys). */
    private static final Map<String, String> KEY_BY_DOMAIN = Map.of(
            "inspection", "/inspectionId",
            "hazard", "/hazard/id",
            "notification", "/hazardId",
            "scoring", "/countyCode",
            "audit", "/service");
    /** Reference-data events of inspection.events are keyed by their natural key, "the latest one wins". */
    private static final Map<String, String> KEY_BY_EVENT = Map.of(
            "CountyRegistered", "/code",
            "EnterpriseRegistered", "/creditCode",
            "SheetAssessed", "/assessmentId",
            "ConflictDeclared", "/expertId");

    static List<EventKind> kinds() {
        return EventCatalog.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void readsIntoTheRecordAndWritesBackTheSameJson(EventKind kind) throws Exception {
        EventPayload payload = EventJson.read(kind.fixtureText(), kind.type());

        JsonNode written = EventJson.mapper().readTree(EventJson.write(payload));

        // a field the record lacks, misnames or mistypes would be dropped or changed on the way back
        assertThat(written).isEqualTo(kind.fixture());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void satisfiesItsSchema(EventKind kind) {
        assertThat(JsonSchemas.problems(kind.schemaPath(), kind.fixture())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void toleratesFieldsItDoesNotKnowAtEveryLevel(EventKind kind) {
        EventPayload expected = EventJson.read(kind.fixtureText(), kind.type());
        ObjectNode newer = kind.fixture();
        int added = addUnknownFields(newer);

        EventPayload read = EventJson.read(newer.toString(), kind.type());

        assertThat(added).isPositive();
        // compared as JSON values: the tree the additions were made in keeps numbers, not their scale (0.900000 -> 0.9)
        assertThat(read).isExactlyInstanceOf(kind.type());
        assertThat(tree(read)).isEqualTo(tree(expected));
        assertThat(JsonSchemas.problems(kind.schemaPath(), newer)).as("schemas allow additions").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void namesItsTypeAndAggregate(EventKind kind) {
        EventPayload payload = EventJson.read(kind.fixtureText(), kind.type());
        ObjectNode fixture = kind.fixture();
        String keyPointer = KEY_BY_EVENT.getOrDefault(kind.name(), KEY_BY_DOMAIN.get(kind.domain()));

        assertThat(payload.cloudEventType()).isEqualTo("rectify." + kind.domain() + "." + kind.name() + ".v1");
        assertThat(CloudEvent.nameOf(payload.cloudEventType())).isEqualTo(payload.eventName());
        assertThat(keyPointer).as("key pointer of domain " + kind.domain()).isNotNull();
        assertThat(fixture.at(keyPointer).isTextual()).as(keyPointer + " in the fixture").isTrue();
        assertThat(payload.aggregateId()).isEqualTo(fixture.at(keyPointer).asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void travelsInTheBinaryModeEnvelope(EventKind kind) {
        EventPayload payload = EventJson.read(kind.fixtureText(), kind.type());
        CloudEvent sent = new CloudEvent(UUID.randomUUID(), payload.cloudEventType(), "/" + kind.domain() + "-service",
                payload.aggregateId(), Instant.parse("2024-04-11T12:30:02Z"));

        CloudEvent received = CloudEvent.fromHeaders(sent.headers());

        assertThat(received).isEqualTo(sent);
        assertThat(received.subject()).isEqualTo(payload.aggregateId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void carriesOnlyCreditCodesWithACorrectCheckCharacter(EventKind kind) {
        // the schema checks the charset; the check character needs code (GB 32100-2015)
        List<String> codes = new ArrayList<>();
        collectCreditCodes(kind.fixture(), codes);
        assertThat(codes).allSatisfy(code -> assertThat(CreditCode.problem(code)).as(code).isEmpty());
    }

    private static JsonNode tree(EventPayload payload) {
        return EventJson.mapper().valueToTree(payload);
    }

    /** Adds an unknown scalar and an unknown object to every object of the tree; returns how many objects got them. */
    private static int addUnknownFields(JsonNode node) {
        int count = 0;
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : List.copyOf(object.properties())) {
                count += addUnknownFields(field.getValue());
            }
            object.put("addedInAFutureVersion", "ignored by older consumers");
            object.putObject("futureDetail").put("level", 3).putArray("tags").add("x");
            count++;
        } else if (node instanceof ArrayNode array) {
            for (JsonNode item : array) {
                count += addUnknownFields(item);
            }
        }
        return count;
    }

    private static void collectCreditCodes(JsonNode node, List<String> into) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals("creditCode") || field.getKey().endsWith("CreditCode")) {
                    into.add(field.getValue().asText());
                }
                collectCreditCodes(field.getValue(), into);
            }
        } else if (node.isArray()) {
            node.forEach(item -> collectCreditCodes(item, into));
        }
    }
}
