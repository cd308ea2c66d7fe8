package io.rectify.platform.background;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A loop on a thread of Quarkus' worker pool that runs a round whenever it is woken (a commit that left it
 * work) and at least every poll interval (work of other instances), until it is stopped at shutdown, which
 * waits a few seconds for the round in progress before Quarkus shuts the pool down. The outbox relay and
 * scoring's recompute loop are such loops; each keeps its own failure handling inside its round.
 */
public final class BackgroundLoop {

    private static final Logger LOG = Logger.getLogger(BackgroundLoop.class);
    /** How long {@link #stop} waits for the round in progress. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    /** One round of work; an interrupt ends the loop. */
    @FunctionalInterface
    public interface Round {
        void run() throws InterruptedException;
    }

    private final String name;
    private final Duration pollInterval;
    private final Duration linger;
    private final Round round;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running = true;
    private CompletableFuture<Void> worker;

    private BackgroundLoop(String name, Duration pollInterval, Duration linger, Round round) {
        this.name = name;
        this.pollInterval = pollInterval;
        this.linger = linger;
        this.round = round;
    }

    /**
     * Starts a loop on {@code executor}.
     *
     * @param linger after a wake-up, how long to wait before the round, so that the commits right behind the
     *               one that woke it join the same round (zero: none)
     */
    public static BackgroundLoop start(String name, ManagedExecutor executor, Duration pollInterval, Duration linger, Round round) {
        BackgroundLoop loop = new BackgroundLoop(name, pollInterval, linger, round);
        loop.worker = executor.runAsync(loop::loop);
        return loop;
    }

    /** Asks for a round now (wake-ups that arrive before it starts are one round). */
    public void wake() {
        wakeUps.release();
    }

    /** False once {@link #stop} was called: a round that loops over batches stops between them. */
    public boolean running() {
        return running;
    }

    /** Stops the loop and waits up to 5 s for the round in progress. */
    public void stop() {
        running = false;
        wakeUps.release();
        try {
            worker.get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debugf("%s at shutdown: %s", name, e.toString());
        }
    }

    private void loop() {
        while (running) {
            try {
                boolean woken = wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                if (woken && !linger.isZero()) {
                    Thread.sleep(linger.toMillis());
                }
                wakeUps.drainPermits();
                round.run(); // also once after stop(): the work left is done before the pool closes

            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) { // a round handles its own failures; this one escaped it
                LOG.warnf(e, "%s: round failed, the next one tries again", name);
            }
        }
    }
}
