package io.rectify.bench;

import io.rectify.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * {@code topics --prefix bench. [--reset]}: the bench stack's own topics, {@code <prefix><topic>} with the
 * project's partitions and settings (deploy/local/rectify). With {@code --reset} every topic of the prefix
 * (dead-letter topics too) is deleted first, so each run starts from empty logs.
 */
final class BenchTopics {

    private static final Map<String, Map<String, String>> CONFIGS = Map.of(
            Topics.INSPECTION_EVENTS, Map.of("retention.ms", "-1"),
            Topics.HAZARD_EVENTS, Map.of("retention.ms", "-1"),
            Topics.COUNTY_INDEX, Map.of("cleanup.policy", "compact"),
            Topics.NOTIFICATION_EVENTS, Map.of("retention.ms", "2592000000"));

    private BenchTopics() {
    }

    static void run(Options o) throws Exception {
        String prefix = o.text("prefix", "bench.");
        if (!prefix.startsWith("bench")) {
            throw new IllegalArgumentException("the bench only ever touches its own topics (prefix bench…), not " + prefix);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, o.text("bootstrap", "127.0.0.1:9092")))) {
            if (o.text("reset", "false").equals("true")) {
                Set<String> ours = admin.listTopics().names().get().stream().filter(t -> t.startsWith(prefix)).collect(Collectors.toSet());
                if (!ours.isEmpty()) {
                    admin.deleteTopics(ours).all().get();
                    Report.info("deleted %d topics %s", ours.size(), ours);
                }
            }
            for (Map.Entry<String, Map<String, String>> t : CONFIGS.entrySet()) {
                create(admin, new NewTopic(prefix + t.getKey(), Topics.PARTITIONS, (short) 1).configs(t.getValue()));
            }
        }
    }

    /** A deleted topic of the same name may still be going away: retry for a while. */
    private static void create(Admin admin, NewTopic topic) throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                if (admin.listTopics().names().get().contains(topic.name())) {
                    return;
                }
                admin.createTopics(List.of(topic)).all().get();
                Report.info("created %s (%d partitions, %s)", topic.name(), topic.numPartitions(), topic.configs());
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException) || attempt > 60) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }
}
