package io.rectify.platform.inbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.util.function.BiConsumer;

/**
 * The failure strategy of every Rectify consumer ({@code failure-strategy=rectify-dead-letter-queue}):
 * SmallRye's dead-letter queue, except while the service shuts down. Then a record fails because the
 * database connection pool or the persistence unit is already closed — not its own fault — and the
 * plain strategy dead-lettered whole backlogs (4,305 records in one benchmark shutdown). Such a record
 * is neither acknowledged nor dead-lettered: its offset is not committed and the next start reads it again.
 */
@ApplicationScoped
@Identifier(RedeliverOnShutdown.STRATEGY)
public class RedeliverOnShutdown implements KafkaFailureHandler.Factory {

    public static final String STRATEGY = "rectify-dead-letter-queue";

    private static final Logger LOG = Logger.getLogger(RedeliverOnShutdown.class);

    @Inject
    @Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE)
    KafkaFailureHandler.Factory deadLetterQueue;

    private static volatile boolean stopping;

    void onStart(@Observes StartupEvent ignored) {
        stopping = false; // a JVM that starts the application again (tests with another profile) begins afresh
    }

    void onStop(@Observes ShutdownEvent ignored) {
        stopping = true;
    }

    /** True once the service has begun to shut down: consumers take no new record from then on. */
    public static boolean stopping() {
        return stopping;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, io.vertx.mutiny.core.Vertx vertx,
                                      KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler dlq = deadLetterQueue.create(config, vertx, consumer, reportFailure);
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                if (stopping) {
                    LOG.infof("shutting down: %s/%d@%d is left for the next start (not dead-lettered)",
                            record.getTopic(), record.getPartition(), record.getOffset());
                    return Uni.createFrom().failure(reason); // neither acknowledged nor committed
                }
                return dlq.handle(record, reason, metadata);
            }

            @Override
            public void terminate() {
                dlq.terminate();
            }
        };
    }

    /** Thrown for a record that reaches the consumer after shutdown began: it is read again at the next start. */
    public static final class ShuttingDown extends IllegalStateException {
        public ShuttingDown() {
            super("the service is shutting down: the record is left for the next start");
        }
    }
}
