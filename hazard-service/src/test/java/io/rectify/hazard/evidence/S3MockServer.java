package io.rectify.hazard.evidence;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.awaitility.Awaitility;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real S3-compatible server for the S3 evidence store: Adobe S3Mock's standalone jar (copied to
 * {@code target/s3mock/s3mock.jar} by the build), started with {@code java -jar} on free ports with its
 * files in a temporary folder, stopped (and the folder deleted) after the tests.
 */
public class S3MockServer implements QuarkusTestResourceLifecycleManager {

    static final String ACCESS_KEY = "rectify-test";
    static final String SECRET_KEY = "rectify-test-secret";

    private Process process;
    private Path root;
    private static String endpoint;

    public static String endpoint() {
        return endpoint;
    }

    @Override
    public Map<String, String> start() {
        Path jar = Path.of("target", "s3mock", "s3mock.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: the build copies it (mvn process-test-resources)");
        }
        try {
            root = Files.createTempDirectory("s3mock-");
            int http = freePort();
            int https = freePort();
            Path log = root.resolveSibling(root.getFileName() + ".log");
            process = new ProcessBuilder(List.of(javaBin(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toAbsolutePath().toString(),
                    "--http.port=" + http, "--server.port=" + https, "--server.address=127.0.0.1",
                    "--com.adobe.testing.s3mock.store.root=" + root,
                    "--com.adobe.testing.s3mock.max-payload-size=64MB",
                    "--spring.main.banner-mode=off"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            endpoint = "http://127.0.0.1:" + http;
            Awaitility.await("S3Mock on " + endpoint).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("S3Mock exited: see " + log);
                        }
                        return answers(endpoint);
                    });
        } catch (IOException e) {
            throw new IllegalStateException("could not start S3Mock", e);
        }
        return Map.of("rectify.evidence.store", "s3",
                "rectify.evidence.s3.endpoint", endpoint,
                "rectify.evidence.s3.access-key-id", ACCESS_KEY,
                "rectify.evidence.s3.secret-access-key", SECRET_KEY,
                "rectify.evidence.s3.create-bucket", "true");
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        if (root != null) {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException ignored) {
                // a temporary folder left behind is harmless
            }
        }
    }

    private static boolean answers(String endpoint) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(endpoint + "/").toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            return c.getResponseCode() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
