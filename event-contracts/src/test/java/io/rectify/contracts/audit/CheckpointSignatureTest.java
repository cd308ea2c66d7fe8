package io.rectify.contracts.audit;

import io.rectify.contracts.EventJson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The golden checkpoint was signed with hazard-service's development key: it verifies, and any change breaks it. */
class CheckpointSignatureTest {

    private static final Path KEYS = Path.of("..", "deploy", "local", "audit");

    @Test
    void theGoldenCheckpointVerifiesWithTheServicesPublicKeyOnly() throws IOException {
        AuditCheckpoint golden = EventJson.read(fixture(), AuditCheckpoint.class);
        assertThat(CheckpointSignature.verify(golden, publicKey("hazard-service"))).isTrue();
        assertThat(CheckpointSignature.verify(golden, publicKey("scoring-service"))).as("another service's key").isFalse();
        AuditCheckpoint moved = new AuditCheckpoint(golden.service(), golden.seq(), golden.at(), golden.root(), golden.previousRoot(),
                golden.chains(), golden.entries() + 1, golden.algorithm(), golden.keyId(), golden.signature());
        assertThat(CheckpointSignature.verify(moved, publicKey("hazard-service"))).as("a changed field").isFalse();
    }

    @Test
    void theRootDependsOnEveryHead() {
        CheckpointSignature.Head a = new CheckpointSignature.Head("t", "a", 2, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        CheckpointSignature.Head b = new CheckpointSignature.Head("t", "b", 1, "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae");
        String root = CheckpointSignature.root(List.of(a, b));
        assertThat(root).hasSize(64).isEqualTo(CheckpointSignature.root(List.of(a, b)));
        assertThat(CheckpointSignature.root(List.of(a, new CheckpointSignature.Head("t", "b", 2, b.hash())))).isNotEqualTo(root);
        assertThat(CheckpointSignature.root(List.of(a))).isNotEqualTo(root);
    }

    @Test
    void signsAndVerifiesWithEachDevelopmentKeyPair() throws IOException {
        for (String service : List.of("inspection-service", "hazard-service", "scoring-service", "notification-service")) {
            AuditCheckpoint unsigned = new AuditCheckpoint(service, 1, java.time.Instant.parse("2024-04-11T08:00:00Z"),
                    CheckpointSignature.root(List.of()), null, 0, 0, CheckpointSignature.ALGORITHM, service + "-dev", null);
            AuditCheckpoint signed = CheckpointSignature.sign(unsigned,
                    CheckpointSignature.privateKey(Files.readString(KEYS.resolve(service + "-private.pem"))));
            assertThat(CheckpointSignature.verify(signed, publicKey(service))).as(service).isTrue();
        }
    }

    private static java.security.PublicKey publicKey(String service) throws IOException {
        return CheckpointSignature.publicKey(Files.readString(KEYS.resolve(service + "-public.pem")));
    }

    private static String fixture() throws IOException {
        try (InputStream in = CheckpointSignatureTest.class.getClassLoader().getResourceAsStream("fixtures/audit/AuditCheckpoint.v1.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
