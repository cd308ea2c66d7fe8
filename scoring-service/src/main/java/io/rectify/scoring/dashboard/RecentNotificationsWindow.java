package io.rectify.scoring.dashboard;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.Map;

/**
 * Starts the dashboard's reading of {@code notification.events} a few records before the end of each
 * partition: a fresh instance (its consumer group is new every start) shows the latest notifications at
 * once, without reading the topic's 30 days. Runs on the polling thread when partitions are assigned.
 */
@ApplicationScoped
@Identifier(RecentNotificationsWindow.NAME)
public class RecentNotificationsWindow implements KafkaConsumerRebalanceListener {

    public static final String NAME = "dashboard-recent-notifications";

    private static final Logger LOG = Logger.getLogger(RecentNotificationsWindow.class);

    @Inject
    DashboardConfig config;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long window = config.recentNotificationsPerPartition();
        long replayed = 0;
        for (TopicPartition partition : partitions) {
            long from = Math.max(begin.getOrDefault(partition, 0L), end.getOrDefault(partition, 0L) - window);
            consumer.seek(partition, from);
            replayed += end.getOrDefault(partition, 0L) - from;
        }
        LOG.infof("dashboard reads the last %d notification events of %d partitions", replayed, partitions.size());
    }
}
