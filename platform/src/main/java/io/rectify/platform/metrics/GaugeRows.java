package io.rectify.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import java.util.List;
import java.util.Map;

/**
 * A gauge with one time series per label set, replaced as a whole at each refresh (counts read from the
 * database by a scheduled job): a label set no longer present disappears instead of keeping its last value.
 */
public final class GaugeRows {

    private final MultiGauge gauge;

    public GaugeRows(MeterRegistry registry, String name, String description) {
        this.gauge = MultiGauge.builder(name).description(description).register(registry);
    }

    public void set(Map<Tags, ? extends Number> rows) {
        List<MultiGauge.Row<?>> list = rows.entrySet().stream()
                .<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(e.getKey(), e.getValue()))
                .toList();
        gauge.register(list, true);
    }
}
