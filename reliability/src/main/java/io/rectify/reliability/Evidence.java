package io.rectify.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectify.contracts.CloudEvent;
import io.rectify.contracts.EventJson;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads what the stack really holds: the four databases over JDBC and the topics with a plain Kafka
 * consumer (all partitions, from the beginning to the end offsets found at the start, no group). The
 * invariants are judged on this, never on the services' own answers.
 */
public final class Evidence implements AutoCloseable {

    private static final ObjectMapper JSON = EventJson.mapper();
    private static final Pattern MARKER = Pattern.compile("reliability \\S+ \\S+ #\\d+");

    private final String jdbcBase;
    private final Map<String, Object> kafka;
    private final Admin admin;

    /**
     * @param kafkaSecurity the client settings of a secured broker (security.protocol, sasl.*, ssl.*; R8 reads as
     *                      its admin user), empty for a plaintext one
     */
    public Evidence(String jdbcBase, String bootstrap, Map<String, Object> kafkaSecurity) {
        this.jdbcBase = jdbcBase;
        Map<String, Object> common = new HashMap<>(kafkaSecurity);
        common.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        this.kafka = Map.copyOf(common);
        Map<String, Object> admin = new HashMap<>(kafka);
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        this.admin = Admin.create(admin);
    }

    public Connection connect(String service) throws SQLException {
        String db = "rectify_" + service.replace("-service", "");
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", "rectify");
        p.setProperty("password", "rectify");
        p.setProperty("connectTimeout", "5");
        p.setProperty("socketTimeout", "60");
        return DriverManager.getConnection(jdbcBase + "/" + db, p);
    }

    /** Runs a query and hands every row to {@code row}. */
    public void query(String service, String sql, List<?> params, Consumer<ResultSet> row) {
        try (Connection c = connect(service); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(service + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    public long count(String service, String sql, Object... params) {
        long[] n = {0};
        query(service, sql, List.of(params), rs -> {
            try {
                n[0] = rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return n[0];
    }

    public Set<UUID> ids(String service, String sql, Object... params) {
        Set<UUID> ids = new HashSet<>();
        query(service, sql, List.of(params), rs -> {
            try {
                ids.add(rs.getObject(1, UUID.class));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return ids;
    }

    /** hazard-service's hazards of a scenario: id to marker. */
    public Map<UUID, String> hazards(String markerPrefix) {
        Map<UUID, String> found = new HashMap<>();
        query("hazard-service", "select id, description from hazard where description like ?", List.of(markerPrefix + "%"), rs -> {
            try {
                found.put(rs.getObject(1, UUID.class), rs.getString(2));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return found;
    }

    /** Every record of a topic, from the beginning to the current end. */
    public List<ConsumerRecord<String, String>> readTopic(String topic) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "reliability-reader-" + UUID.randomUUID().toString().substring(0, 8));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(20));
            if (infos == null || infos.isEmpty()) {
                return records;
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(20));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp, Duration.ofSeconds(20)) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + topic + " took more than 3 minutes");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        records.add(r);
                    }
                }
            }
        }
        return records;
    }

    /** hazard.events as {@link Reconciliation.TopicEvent}s of the given scenario (marker prefix). */
    public List<Reconciliation.TopicEvent> hazardEvents(List<ConsumerRecord<String, String>> records, String markerPrefix) {
        List<Reconciliation.TopicEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            Map<String, byte[]> headers = new HashMap<>();
            for (Header h : r.headers()) {
                headers.put(h.key(), h.value());
            }
            CloudEvent ce = CloudEvent.fromHeaders(headers);
            JsonNode hazard;
            try {
                hazard = JSON.readTree(r.value()).path("hazard");
            } catch (IOException e) {
                throw new IllegalStateException("hazard.events " + r.partition() + "@" + r.offset() + " is not JSON", e);
            }
            String description = hazard.path("description").asText("");
            if (!description.startsWith(markerPrefix)) {
                continue;
            }
            Matcher m = MARKER.matcher(description);
            events.add(new Reconciliation.TopicEvent(ce.id(), ce.type(), UUID.fromString(hazard.path("id").asText()),
                    m.find() ? m.group() : null, hazard.path("countyCode").asText(), hazard.path("version").asLong(), r.partition(),
                    r.offset()));
        }
        return events;
    }

    /** Records on every dead-letter topic (names ending in .dlq): in these scenarios every record is valid, so any is a loss. */
    public Map<String, Integer> deadLetters() throws Exception {
        Set<String> topics = admin.listTopics().names().get(20, TimeUnit.SECONDS);
        Map<String, Integer> found = new HashMap<>();
        for (String t : topics.stream().filter(t -> t.endsWith(".dlq")).collect(Collectors.toSet())) {
            int n = readTopic(t).size();
            if (n > 0) {
                found.put(t, n);
            }
        }
        return found;
    }

    /** How far a consumer group is behind the end of a topic (committed offsets; 0 = caught up). */
    public long lag(String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(20, TimeUnit.SECONDS);
        List<TopicPartitionInfo> partitions = partitionsOf(topic);
        Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
        partitions.forEach(p -> specs.put(p.tp(), OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(specs).all().get(20, TimeUnit.SECONDS);
        long lag = 0;
        for (TopicPartitionInfo p : partitions) {
            OffsetAndMetadata c = committed.get(p.tp());
            lag += ends.get(p.tp()).offset() - (c == null ? 0 : c.offset());
        }
        return lag;
    }

    private record TopicPartitionInfo(TopicPartition tp) {
    }

    private List<TopicPartitionInfo> partitionsOf(String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(20, TimeUnit.SECONDS).get(topic).partitions().stream()
                .map(p -> new TopicPartitionInfo(new TopicPartition(topic, p.partition()))).toList();
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
