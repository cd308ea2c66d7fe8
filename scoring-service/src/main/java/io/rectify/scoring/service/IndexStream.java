package io.rectify.scoring.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live feed of index changes: {@link CountyIndexService} fires an {@link IndexChange} inside its
 * transaction and it reaches subscribers only once that transaction committed (a rolled-back change is
 * never shown). Hot: a subscriber sees the changes after it subscribed. Used by the SSE endpoint and
 * meant for the operators' dashboard.
 */
@ApplicationScoped
public class IndexStream {

    private final BroadcastProcessor<IndexChange> processor = BroadcastProcessor.create();
    private final AtomicInteger subscribers = new AtomicInteger();

    @jakarta.inject.Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    @jakarta.annotation.PostConstruct
    void registerGauge() {
        registry.gauge("rectify.scoring.stream.subscribers", subscribers);
    }

    /** Serialised: commits on several threads must not signal the processor concurrently (Reactive Streams §1.3). */
    synchronized void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) IndexChange change) {
        processor.onNext(change);
    }

    /** Every change from now on; a slow subscriber loses changes rather than holding others up. */
    public Multi<IndexChange> changes() {
        return processor
                .onSubscription().invoke(subscription -> subscribers.incrementAndGet())
                .onTermination().invoke(subscribers::decrementAndGet)
                .onOverflow().drop();
    }

    /** How many subscribers are listening (health, tests). */
    public int subscribers() {
        return subscribers.get();
    }
}
