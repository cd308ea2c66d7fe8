package io.rectify.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.rectify.contracts.EventCatalog.EventKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** asyncapi.yaml describes the four topics and references a schema file for every event the code has. */
class AsyncApiDocumentTest {

    private static final String DOCUMENT = "asyncapi.yaml";
    private static final String DEAD_LETTER_MESSAGE = "DeadLetteredRecord";
    private static final Map<String, String> TOPIC_BY_DOMAIN = Map.of(
            "inspection", Topics.INSPECTION_EVENTS,
            "hazard", Topics.HAZARD_EVENTS,
            "scoring", Topics.COUNTY_INDEX,
            "notification", Topics.NOTIFICATION_EVENTS);
    /** Every topic something is published to: the domains' topics and the services' audit checkpoints (not consumed, no DLQ). */
    private static final Map<String, String> PUBLISHED_BY_DOMAIN = Map.of(
            "inspection", Topics.INSPECTION_EVENTS,
            "hazard", Topics.HAZARD_EVENTS,
            "scoring", Topics.COUNTY_INDEX,
            "notification", Topics.NOTIFICATION_EVENTS,
            "audit", Topics.AUDIT_CHECKPOINTS);

    private static JsonNode doc;

    @BeforeAll
    static void parse() throws Exception {
        doc = new YAMLMapper().readTree(EventCatalog.text(DOCUMENT));
    }

    static List<EventKind> kinds() {
        return EventCatalog.all();
    }

    @Test
    void isAnAsyncApi3DocumentOfTheFourTopics() {
        assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(doc.path("defaultContentType").asText()).isEqualTo(CloudEvent.CONTENT_TYPE);
        for (String topic : PUBLISHED_BY_DOMAIN.values()) {
            JsonNode kafka = channel(topic).path("bindings").path("kafka");
            assertThat(kafka.path("topic").asText()).as(topic).isEqualTo(topic);
            assertThat(kafka.path("partitions").asInt()).as(topic).isEqualTo(Topics.PARTITIONS);
        }
    }

    @Test
    void saysHowLongEachTopicKeepsItsRecords() {
        assertThat(topicConfig(Topics.INSPECTION_EVENTS).path("retention.ms").asLong()).isEqualTo(-1);
        assertThat(topicConfig(Topics.HAZARD_EVENTS).path("retention.ms").asLong()).isEqualTo(-1);
        assertThat(topicConfig(Topics.COUNTY_INDEX).path("cleanup.policy")).extracting(JsonNode::asText).containsExactly("compact");
        assertThat(topicConfig(Topics.NOTIFICATION_EVENTS).path("retention.ms").asLong()).isEqualTo(Duration.ofDays(30).toMillis());
        assertThat(topicConfig(Topics.AUDIT_CHECKPOINTS).path("retention.ms").asLong()).isEqualTo(-1);
    }

    @Test
    void namesDeadLetterTopicsLikeTopics() {
        JsonNode deadLetter = doc.path("channels").path("deadLetter");

        assertThat(deadLetter.path("address").asText()).isEqualTo(Topics.deadLetter("{topic}", "{consumer}"));
        assertThat(deadLetter.path("parameters").path("topic").path("enum")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrderElementsOf(TOPIC_BY_DOMAIN.values());
    }

    @Test
    void describesTheCloudEventsBinaryHeaders() {
        JsonNode headers = doc.at("/components/schemas/CloudEventsBinaryHeaders");
        Set<String> written = new java.util.HashSet<>(new CloudEvent(UUID.randomUUID(), "rectify.hazard.HazardReported.v1", "/hazard-service",
                "5b7d9f1a-3c5e-4a7b-8d9f-1b3d5f7a9c24", Instant.EPOCH).headers().keySet());
        written.add(CloudEvent.H_TRACEPARENT); // the optional tracing extension the outbox relay adds

        assertThat(names(headers.path("properties"))).containsExactlyInAnyOrderElementsOf(written);
        assertThat(headers.path("required")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(CloudEvent.H_SPECVERSION, CloudEvent.H_ID, CloudEvent.H_TYPE, CloudEvent.H_SOURCE,
                        CloudEvent.H_TIME, CloudEvent.H_CONTENT_TYPE);
        assertThat(headers.at("/properties/ce_specversion/const").asText()).isEqualTo(CloudEvent.SPEC_VERSION);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void hasAMessageOnTheRightTopicForEveryEvent(EventKind kind) {
        JsonNode message = doc.path("components").path("messages").path(kind.messageKey());

        assertThat(message.isObject()).as("components.messages." + kind.messageKey()).isTrue();
        assertThat(resolveFile(message.at("/payload/schema/$ref").asText())).isEqualTo(kind.schemaPath());
        assertThat(message.at("/payload/schemaFormat").asText()).isEqualTo("application/schema+json;version=draft-2020-12");
        assertThat(message.path("headers").findValues("ce_type")).extracting(node -> node.path("const").asText())
                .contains(kind.cloudEventType());
        assertThat(names(channel(PUBLISHED_BY_DOMAIN.get(kind.domain())).path("messages"))).contains(kind.messageKey());
    }

    @Test
    void everyMessageReferencesAnExistingSchemaFile() {
        List<String> missing = new ArrayList<>();
        doc.path("components").path("messages").properties().forEach(entry -> {
            if (!entry.getKey().equals(DEAD_LETTER_MESSAGE)) {
                String file = resolveFile(entry.getValue().at("/payload/schema/$ref").asText());
                if (!file.endsWith(".schema.json") || !EventCatalog.exists(file)) {
                    missing.add(entry.getKey() + " -> " + file);
                }
            }
        });
        assertThat(doc.path("components").path("messages").size()).isEqualTo(EventCatalog.all().size() + 1);
        assertThat(missing).isEmpty();
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = doc.findValues("$ref").stream().map(JsonNode::asText).toList();
        assertThat(refs).isNotEmpty();
        assertThat(refs).allSatisfy(ref -> {
            if (ref.startsWith("#")) {
                assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
            } else {
                assertThat(EventCatalog.exists(resolveFile(ref))).as(ref).isTrue();
            }
        });
    }

    @Test
    void eachProducerSendsToItsOwnTopic() {
        Set<String> sentTo = StreamSupport.stream(doc.path("operations").spliterator(), false)
                .filter(operation -> operation.path("action").asText().equals("send"))
                .map(operation -> doc.at(operation.at("/channel/$ref").asText().substring(1)).path("address").asText())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(sentTo).containsExactlyInAnyOrderElementsOf(PUBLISHED_BY_DOMAIN.values());
    }

    private static JsonNode channel(String address) {
        return StreamSupport.stream(doc.path("channels").spliterator(), false)
                .filter(channel -> channel.path("address").asText().equals(address))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no channel with address " + address));
    }

    private static JsonNode topicConfig(String topic) {
        return channel(topic).at("/bindings/kafka/topicConfiguration");
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A file reference of the document as a classpath path (the document sits at the classpath root). */
    private static String resolveFile(String ref) {
        return URI.create(DOCUMENT).resolve(ref.split("#", 2)[0]).normalize().toString();
    }
}
