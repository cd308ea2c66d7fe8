package io.rectify.platform.inbox;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A failure is dead-lettered while the service runs, and left for the next start once shutdown has begun. */
class RedeliverOnShutdownTest {

    private final List<Long> deadLettered = new ArrayList<>();

    @AfterEach
    void running() throws Exception {
        var flag = RedeliverOnShutdown.class.getDeclaredField("stopping");
        flag.setAccessible(true);
        flag.set(null, false); // the flag is per JVM: the @QuarkusTests after this one run a live service
    }

    @Test
    void deadLettersWhileRunningAndHoldsBackOnceStopping() {
        RedeliverOnShutdown strategy = new RedeliverOnShutdown();
        strategy.deadLetterQueue = (config, vertx, consumer, report) -> new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                deadLettered.add(record.getOffset());
                return Uni.createFrom().voidItem();
            }
        };
        KafkaFailureHandler handler = strategy.create(null, null, null, (e, fatal) -> { });

        handler.handle(record(1), new IllegalArgumentException("poison"), Metadata.empty()).await().indefinitely();
        assertThat(deadLettered).containsExactly(1L);
        assertThat(RedeliverOnShutdown.stopping()).isFalse();

        strategy.onStop(null);
        IllegalStateException closed = new IllegalStateException("EntityManagerFactory is closed");
        assertThatThrownBy(() -> handler.handle(record(2), closed, Metadata.empty()).await().indefinitely()).isSameAs(closed);
        assertThat(deadLettered).containsExactly(1L);
        assertThat(RedeliverOnShutdown.stopping()).isTrue();
    }

    private static IncomingKafkaRecord<String, String> record(long offset) {
        return new IncomingKafkaRecord<>(new ConsumerRecord<>("hazard.events", 0, offset, "k", "v"), "hazard-events", 0,
                null, null, false);
    }
}
