package io.rectify.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Gives a Quarkus test its own broker process (port 19092 unless {@code port} is set), for tests that
 * stop and restart Kafka. The test reaches it through {@link #broker()}.
 */
public class StandaloneBrokerResource implements QuarkusTestResourceLifecycleManager {

    private static volatile StandaloneBroker broker;
    private int port = 19092;

    public static StandaloneBroker broker() {
        return broker;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        if (initArgs.containsKey("port")) {
            port = Integer.parseInt(initArgs.get("port"));
        }
    }

    @Override
    public Map<String, String> start() {
        broker = new StandaloneBroker(port).start();
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.stop();
        }
    }
}
