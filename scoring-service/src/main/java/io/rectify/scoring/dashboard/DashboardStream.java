package io.rectify.scoring.dashboard;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dashboard's live feed on this instance: the feeds apply what they read to the {@link DashboardView}
 * and every real change goes to each open stream as a named event. A stream starts with a
 * {@code snapshot}; changes and snapshots are handed out under one lock, so a snapshot holds every change
 * before it and none after it is lost (the page applies events in order, no merging needed).
 */
@ApplicationScoped
public class DashboardStream {

    /** One Server-Sent Event: {@code snapshot}, {@code index}, {@code notification} or {@code overdue}. */
    public record Event(String name, Object data) {
    }

    /** A stream falling this far behind is closed; the browser reconnects and gets a fresh snapshot. */
    private static final int STREAM_BUFFER = 4_096;

    @Inject
    DashboardConfig config;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    private DashboardView view;
    private final List<MultiEmitter<? super Event>> streams = new ArrayList<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicBoolean overdueStale = new AtomicBoolean(true);

    @PostConstruct
    void init() {
        view = new DashboardView(config.notificationsKept());
        registry.gauge("rectify.dashboard.streams", open);
    }

    /** A county's index read from {@code county.index}; the overdue list is refreshed after any change. */
    public synchronized void index(DashboardCounty county) {
        if (view.applyIndex(county)) {
            publish(new Event("index", county));
            overdueStale.set(true);
        }
    }

    /** A tombstone on {@code county.index}: every page is re-sent the whole picture. */
    public synchronized void countyRemoved(String countyCode) {
        if (view.removeCounty(countyCode)) {
            publish(new Event("snapshot", view.snapshot(clock.instant())));
        }
    }

    public synchronized void notification(DashboardNotification notification) {
        if (view.applyNotification(notification)) {
            publish(new Event("notification", notification));
        }
        if (view.concernsOverdue(notification)) {
            overdueStale.set(true); // its chase moved: the list shows the escalation level
        }
    }

    public synchronized void overdue(OverdueMajorHazards fresh) {
        if (view.applyOverdue(fresh)) {
            publish(new Event("overdue", view.overdue()));
        }
    }

    /** Whether an index change (or a chase) made the overdue list stale since the last call; clears the mark. */
    public boolean takeOverdueStale() {
        return overdueStale.getAndSet(false);
    }

    public synchronized DashboardSnapshot snapshot() {
        return view.snapshot(clock.instant());
    }

    /** How many streams are open on this instance. */
    public int openStreams() {
        return open.get();
    }

    /** A new stream: the snapshot, then every change until the subscriber cancels or falls too far behind. */
    public Multi<Event> open() {
        return Multi.createFrom().<Event>emitter(emitter -> {
            emitter.onTermination(() -> close(emitter));
            synchronized (this) {
                streams.add(emitter);
                open.incrementAndGet();
                emitter.emit(new Event("snapshot", view.snapshot(clock.instant())));
            }
        }, STREAM_BUFFER);
    }

    private synchronized void close(MultiEmitter<? super Event> emitter) {
        if (streams.remove(emitter)) {
            open.decrementAndGet();
        }
    }

    private void publish(Event event) {
        for (MultiEmitter<? super Event> stream : List.copyOf(streams)) {
            if (!stream.isCancelled()) {
                stream.emit(event);
            }
        }
    }
}
