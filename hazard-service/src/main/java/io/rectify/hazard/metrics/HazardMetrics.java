package io.rectify.hazard.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.rectify.platform.metrics.GaugeRows;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hazards a supervisor counts, read every {@code rectify.metrics.count-interval}: open (not signed
 * off) and overdue (clock running, due date passed) by grade, and overdue by county and grade as long as
 * the counties with overdue hazards are few ({@code rectify.metrics.max-counties}, default 50): a label per
 * county beyond that would make the series too many to keep.
 */
@ApplicationScoped
public class HazardMetrics {

    private static final Logger LOG = Logger.getLogger(HazardMetrics.class);
    private static final String COUNTS = """
            select county_code, grade,
                   count(*),
                   count(*) filter (where status in ('OPEN', 'RECTIFYING') and due_at < now())
              from hazard where status <> 'SIGNED_OFF'
             group by county_code, grade""";

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "rectify.metrics.max-counties", defaultValue = "50")
    int maxCounties;

    private GaugeRows open;
    private GaugeRows overdue;
    private GaugeRows overdueByCounty;

    @PostConstruct
    void init() {
        open = new GaugeRows(registry, "rectify.hazards.open", "hazards not signed off, by grade");
        overdue = new GaugeRows(registry, "rectify.hazards.overdue", "hazards past their due date with the clock running, by grade");
        overdueByCounty = new GaugeRows(registry, "rectify.hazards.overdue.county", "overdue hazards by county and grade (while counties are few)");
    }

    @Scheduled(identity = "hazard-metrics", every = "${rectify.metrics.count-interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            QuarkusTransaction.requiringNew().run(this::read);
        } catch (RuntimeException e) {
            LOG.debugf("hazard counts not read: %s", e.getMessage());
        }
    }

    private void read() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(COUNTS).getResultList();
        Map<Tags, Long> openByGrade = new LinkedHashMap<>();
        Map<Tags, Long> overdueByGrade = new LinkedHashMap<>();
        Map<Tags, Long> byCounty = new LinkedHashMap<>();
        Set<String> counties = new HashSet<>();
        for (String grade : new String[] {"MAJOR", "GENERAL"}) { // both grades always present, 0 when none
            openByGrade.put(Tags.of("grade", grade), 0L);
            overdueByGrade.put(Tags.of("grade", grade), 0L);
        }
        for (Object[] row : rows) {
            String county = (String) row[0];
            Tags grade = Tags.of("grade", (String) row[1]);
            long openCount = ((Number) row[2]).longValue();
            long overdueCount = ((Number) row[3]).longValue();
            openByGrade.merge(grade, openCount, Long::sum);
            overdueByGrade.merge(grade, overdueCount, Long::sum);
            if (overdueCount > 0) {
                counties.add(county);
                byCounty.put(grade.and("county", county), overdueCount);
            }
        }
        open.set(openByGrade);
        overdue.set(overdueByGrade);
        overdueByCounty.set(counties.size() <= maxCounties ? byCounty : Map.of());
    }
}
