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

    /**
     * Every change from now on. One transaction can store the answers of many counties at once, and their
     * notices arrive together, faster than one SSE connection writes them: each subscriber has a buffer of
     * {@value #SUBSCRIBER_BUFFER} changes. One that falls further behind is cut off (its stream ends with an
     * error and the client reconnects) rather than holding the others up or silently missing changes.
     */
    public Multi<IndexChange> changes() {
        return processor
                .onSubscription().invoke(subscription -> subscribers.incrementAndGet())
                .onTermination().invoke(subscribers::decrementAndGet)
                .onOverflow().buffer(SUBSCRIBER_BUFFER);
    }

    static final int SUBSCRIBER_BUFFER = 4096;

    /** How many subscribers are listening (health, tests). */
    public int subscribers() {
        return subscribers.get();
    }
}
