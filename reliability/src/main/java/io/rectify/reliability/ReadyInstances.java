package io.rectify.reliability;

import java.util.ArrayList;
import java.util.List;

/**
 * The instances of one service a load balancer would send requests to: those whose readiness probe
 * ({@code /q/health/ready}) answered 200 the last time, probed every half second, as a Kubernetes Service
 * routes only to ready pods. A restarted instance gets requests once it is ready, not while it starts.
 * With one instance there is nothing to choose: it is always used, ready or not (R1–R3 judge its answers).
 */
final class ReadyInstances implements AutoCloseable {

    private final List<String> all;
    private volatile List<String> ready;
    private volatile boolean running = true;
    private final Thread prober;

    ReadyInstances(List<String> urls) {
        this.all = List.copyOf(urls);
        this.ready = all;
        if (all.size() > 1) {
            prober = new Thread(this::probe, "ready-instances");
            prober.setDaemon(true);
            prober.start();
        } else {
            prober = null;
        }
    }

    /** The ready instances, in a fixed order; all of them when none is ready (the requests then say so). */
    List<String> ready() {
        List<String> r = ready;
        return r.isEmpty() ? all : r;
    }

    private void probe() {
        while (running) {
            List<String> now = new ArrayList<>();
            for (String url : all) {
                if (Probe.status(url + "/q/health/ready") == 200) {
                    now.add(url);
                }
            }
            ready = List.copyOf(now);
            Fixture.sleep(500);
        }
    }

    @Override
    public void close() {
        running = false;
    }
}
