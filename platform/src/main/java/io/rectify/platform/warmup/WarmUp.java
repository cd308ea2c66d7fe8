package io.rectify.platform.warmup;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.rectify.platform.security.Roles;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;
import org.jose4j.jwt.JwtClaims;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Readiness waits until the service's busiest paths have run a few hundred times. A JVM that has just
 * started runs its request path in the interpreter, and a load balancer sends it its full share the moment
 * it is ready: in R7 (two replicas on two cores) a hazard-service restarted after {@code kill -9} answered
 * nothing for its first 6 s and left 36 reports without an answer in 10 s. The rounds run here instead,
 * before any request is routed to the instance, until {@code rectify.warm-up.rounds} are done or
 * {@code rectify.warm-up.max} has passed (the instance becomes ready then either way; a failing routine is
 * logged and dropped, never holds readiness).
 * <p>
 * The rounds act as {@link #CALLER}, an identity that exists only inside this class's own request
 * contexts (no token names it, so no request can act as it), and every round's transaction is rolled
 * back: nothing is recorded, published or audited.
 */
@Readiness
@ApplicationScoped
public class WarmUp implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(WarmUp.class);

    /** The warm-up's own caller: an agency system, so the routines pass the same checks a real one does. */
    public static final String CALLER = "rectify-warm-up";

    @Inject
    Instance<WarmUpRoutine> routines;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    ManagedExecutor executor;

    @Inject
    TransactionManager transactions;

    @ConfigProperty(name = "rectify.warm-up.rounds", defaultValue = "300")
    int rounds;

    @ConfigProperty(name = "rectify.warm-up.max", defaultValue = "30s")
    Duration max;

    private volatile boolean done;
    private volatile int roundsDone;
    private volatile long tookMillis;

    void onStart(@Observes StartupEvent ignored) {
        List<WarmUpRoutine> all = routines.stream().toList();
        if (rounds <= 0 || all.isEmpty()) {
            done = true;
            return;
        }
        executor.runAsync(() -> run(all));
    }

    /** Runs the rounds now (the start-up does this once); returns how many rounds ran. */
    public int run(List<WarmUpRoutine> all) {
        long t0 = System.nanoTime();
        long deadline = t0 + max.toNanos();
        try {
            List<WarmUpRoutine> active = new ArrayList<>();
            Map<WarmUpRoutine, Long> servedBefore = new HashMap<>();
            for (WarmUpRoutine r : all) {
                if (Boolean.TRUE.equals(attempt(r, "prepare", r::prepare))) {
                    active.add(r);
                    servedBefore.put(r, r.served());
                }
            }
            int n = 0;
            while (System.nanoTime() < deadline) {
                int round = n;
                // done: the rounds run, plus what requests ran meanwhile
                active.removeIf(r -> round + r.served() - servedBefore.get(r) >= rounds);
                active.removeIf(r -> attempt(r, "round " + round, () -> {
                    r.round(round);
                    return Boolean.TRUE;
                }) == null);
                if (active.isEmpty()) {
                    break;
                }
                roundsDone = ++n;
            }
            tookMillis = (System.nanoTime() - t0) / 1_000_000;
            long served = all.stream().filter(servedBefore::containsKey).mapToLong(r -> r.served() - servedBefore.get(r)).sum();
            LOG.infof("warm-up: %d round(s) of %s in %d ms, %d request(s) on the same path meanwhile", n,
                    all.stream().map(WarmUpRoutine::name).toList(), tookMillis, served);
            return n;
        } finally {
            done = true;
        }
    }

    /** One step in its own request context, as {@link #CALLER}, in a transaction that is rolled back; null when it failed. */
    private Boolean attempt(WarmUpRoutine routine, String step, Callable<Boolean> work) {
        ManagedContext requests = Arc.container().requestContext();
        requests.activate();
        try {
            identities.setIdentity(identity());
            transactions.begin();
            try {
                return work.call();
            } finally {
                transactions.rollback();
            }
        } catch (Exception e) {
            LOG.warnf(e, "warm-up: %s failed at %s; it is left out of the warm-up", routine.name(), step);
            return null;
        } finally {
            requests.terminate();
        }
    }

    private static QuarkusSecurityIdentity identity() {
        JwtClaims claims = new JwtClaims();
        claims.setSubject(CALLER);
        claims.setClaim("upn", CALLER);
        claims.setStringListClaim("groups", Roles.AGENCY_SYSTEM);
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new DefaultJWTCallerPrincipal(claims))
                .addRole(Roles.AGENCY_SYSTEM)
                .build();
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("warm-up").status(done).withData("rounds", roundsDone).withData("took-ms", tookMillis).build();
    }
}
