package io.rectify.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code rectify_consumer_lag{group, topic}}: records on the topic that this service's consumer group has
 * not committed yet, summed over the partitions, for every incoming channel of the service that commits
 * (not the dashboard's live views, {@code commit-strategy=ignore}). Read from the
 * broker (committed offsets against end offsets) every {@code rectify.metrics.lag-interval}, so it shows a
 * consumer that stopped as well as one that falls behind.
 */
@ApplicationScoped
public class ConsumerLag {

    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);
    private static final Pattern GROUP = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.group\\.id");

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @jakarta.inject.Inject
    io.rectify.platform.kafka.KafkaClientSettings kafka;

    @ConfigProperty(name = "rectify.kafka.topic-prefix")
    Optional<String> topicPrefix;

    private GaugeRows gauge;
    private Admin admin;

    /** A consumer group and the topic it reads (as configured, with the deployment's prefix). */
    record Subscription(String group, String topic) {
    }

    @Scheduled(identity = "consumer-lag", every = "${rectify.metrics.lag-interval:30s}", delayed = "${rectify.metrics.lag-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        Map<String, Subscription> subscriptions = subscriptions(ConfigProvider.getConfig());
        if (subscriptions.isEmpty()) {
            return;
        }
        // Each subscription on its own: a topic not there yet (a fresh deployment, a channel whose topic
        // nobody has written) must not hide the lag of the others.
        Map<Tags, Long> rows = new LinkedHashMap<>();
        for (Subscription s : subscriptions.values()) {
            try {
                rows.put(Tags.of("group", s.group(), "topic", logical(s.topic())), lagOf(s));
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return;
                }
                LOG.debugf("consumer lag of %s on %s not read: %s", s.group(), s.topic(), e.getCause() == null ? e.getMessage() : e.getCause().toString());
            }
        }
        gauge().set(rows);
    }

    /** Every incoming channel with a group and a topic, by channel name. */
    static Map<String, Subscription> subscriptions(Config config) {
        Map<String, Subscription> found = new LinkedHashMap<>();
        for (String name : config.getPropertyNames()) {
            Matcher m = GROUP.matcher(name);
            if (!m.matches()) {
                continue;
            }
            String channel = m.group(1);
            String prefix = "mp.messaging.incoming." + channel + ".";
            // a channel that never commits (a live view read afresh at each start) has no lag to speak of
            if ("ignore".equals(config.getOptionalValue(prefix + "commit-strategy", String.class).orElse(""))
                    || !config.getOptionalValue(prefix + "enabled", Boolean.class).orElse(true)) {
                continue;
            }
            Optional<String> group = config.getOptionalValue(name, String.class);
            Optional<String> topic = config.getOptionalValue("mp.messaging.incoming." + channel + ".topic", String.class);
            if (group.isPresent() && topic.isPresent()) {
                found.put(channel, new Subscription(group.get(), topic.get()));
            }
        }
        return found;
    }

    private long lagOf(Subscription s) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(s.group())
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        var partitions = admin().describeTopics(java.util.List.of(s.topic())).allTopicNames().get(10, TimeUnit.SECONDS)
                .get(s.topic()).partitions();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        for (var p : partitions) {
            TopicPartition tp = new TopicPartition(s.topic(), p.partition());
            latest.put(tp, OffsetSpec.latest());
            earliest.put(tp, OffsetSpec.earliest());
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin().listOffsets(latest).all().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = admin().listOffsets(earliest).all().get(10, TimeUnit.SECONDS);
        long lag = 0;
        for (TopicPartition tp : latest.keySet()) {
            OffsetAndMetadata at = committed.get(tp);
            long from = at != null ? at.offset() : starts.get(tp).offset(); // nothing committed: all of it is to read
            lag += Math.max(0, ends.get(tp).offset() - from);
        }
        return lag;
    }

    private String logical(String topic) {
        String prefix = topicPrefix.orElse("");
        return !prefix.isEmpty() && topic.startsWith(prefix) ? topic.substring(prefix.length()) : topic;
    }

    private synchronized GaugeRows gauge() {
        if (gauge == null) {
            gauge = new GaugeRows(registry, "rectify.consumer.lag", "records the consumer group has not committed yet");
        }
        return gauge;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            // the API timeout may not be below the request timeout (30 s by default): the client refuses to start
            admin = Admin.create(kafka.connectionWith(Map.of(AdminClientConfig.CLIENT_ID_CONFIG, "rectify-consumer-lag",
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000)));
        }
        return admin;
    }

    synchronized void onStop(@Observes ShutdownEvent ignored) {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
            admin = null;
        }
    }
}
