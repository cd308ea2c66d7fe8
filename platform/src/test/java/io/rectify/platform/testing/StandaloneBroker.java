package io.rectify.platform.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real, single-node KRaft Kafka broker in its own process, from the jars that
 * {@code deploy/local/rectify infra-up} fetched from Maven Central. Tests that must stop and restart
 * a broker use this one, so the shared broker on 9092 is never disturbed. Data survives stop/start.
 */
public final class StandaloneBroker implements AutoCloseable {

    private final int port;
    private final int controllerPort;
    private final Path dir;
    private final Path libs;
    private Process process;

    public StandaloneBroker(int port) {
        this.port = port;
        this.controllerPort = port + 1;
        this.libs = kafkaLibs();
        try {
            this.dir = Files.createTempDirectory("rectify-broker-" + port + "-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where infra-up keeps the broker jars: {@code $RECTIFY_RUN_DIR/kafka/libs} or {@code <repo>/.run/kafka/libs}. */
    public static Path kafkaLibs() {
        String run = System.getenv("RECTIFY_RUN_DIR");
        Path base = run != null ? Path.of(run) : Path.of(System.getProperty("rectify.root", "..")).resolve(".run");
        Path libs = base.resolve("kafka/libs").toAbsolutePath().normalize();
        if (!Files.isDirectory(libs)) {
            throw new IllegalStateException("Kafka jars not found in " + libs + ": run deploy/local/rectify infra-up first");
        }
        return libs;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized StandaloneBroker start() {
        try {
            Path props = dir.resolve("server.properties");
            if (!Files.exists(props)) {
                Files.writeString(props, String.join("\n",
                        "process.roles=broker,controller",
                        "node.id=1",
                        "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                        "controller.listener.names=CONTROLLER",
                        "inter.broker.listener.name=PLAINTEXT",
                        "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                        "log.dirs=" + dir.resolve("data"),
                        "num.partitions=6",
                        "auto.create.topics.enable=true",
                        "offsets.topic.replication.factor=1",
                        "offsets.topic.num.partitions=6",
                        "transaction.state.log.replication.factor=1",
                        "transaction.state.log.min.isr=1",
                        "share.coordinator.state.topic.replication.factor=1",
                        "share.coordinator.state.topic.min.isr=1",
                        "group.initial.rebalance.delay.ms=0", ""));
                run(List.of("kafka.tools.StorageTool", "format", "-t", UUID.randomUUID().toString().replace("-", "").substring(0, 22),
                        "-c", props.toString(), "--standalone"), Duration.ofSeconds(60));
            }
            ProcessBuilder pb = new ProcessBuilder(java(), "-Xmx384m", "-XX:+UseSerialGC", "-cp", libs + "/*", "kafka.Kafka", props.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("broker.log").toFile());
            process = pb.start();
            awaitPort(true, Duration.ofSeconds(60));
            return this;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the broker the way an operator would (SIGTERM), waiting until the port is closed. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
        awaitPort(false, Duration.ofSeconds(30));
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        stop();
    }

    private void run(List<String> mainAndArgs, Duration timeout) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of(java(), "-cp", libs + "/*"));
        cmd.addAll(mainAndArgs);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("format.log").toFile()).start();
        try {
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("broker storage format failed: " + Files.readString(dir.resolve("format.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitPort(boolean open, Duration timeout) {
        org.awaitility.Awaitility.await("broker port " + port + (open ? " open" : " closed"))
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (open && process != null && !process.isAlive()) {
                        throw new IllegalStateException("broker exited; see " + dir.resolve("broker.log"));
                    }
                    return portOpen() == open;
                });
    }

    private boolean portOpen() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
