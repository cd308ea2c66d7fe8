package io.rectify.scoring.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Time alone makes hazards due and overdue: every county is recomputed now and then, changes published as usual. */
@ApplicationScoped
public class IndexTick {

    private static final Logger LOG = Logger.getLogger(IndexTick.class);

    @Inject
    CountyIndexService indexes;

    @Scheduled(identity = "scoring-tick", every = "${rectify.scoring.tick:60s}", delayed = "${rectify.scoring.tick:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void tick() {
        if (indexes.suspended()) {
            return; // a rebuild recomputes everything when it is done
        }
        int changed = indexes.recomputeAll();
        if (changed > 0) {
            LOG.infof("tick: %d county answers changed with time", changed);
        }
    }
}
