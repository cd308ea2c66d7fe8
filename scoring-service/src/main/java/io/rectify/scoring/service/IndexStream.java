package io.rectify.scoring.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live feed of index changes: {@link CountyIndexService} queues a notice for each change in its
 * transaction ({@link IndexChangeNotices}), and {@link IndexChangeListener} publishes here what PostgreSQL
 * delivers after the commit — the changes of every replica, never a rolled-back one. Hot: a subscriber
 * sees the changes after it subscribed. Used by the SSE endpoint.
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

    /** Serialised: the processor must not be signalled concurrently (Reactive Streams §1.3). */
    synchronized void publish(IndexChange change) {
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
