package io.rectify.contracts.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rectify.contracts.EventJson;
import org.erdtman.jcs.JsonCanonicalizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * How an {@link AuditCheckpoint} is signed and checked (Ed25519 over the RFC 8785 canonical JSON of
 * the checkpoint without its {@code signature}), and how its root is computed. For the services and
 * for any party that keeps the checkpoints outside Rectify's database.
 */
public final class CheckpointSignature {

    public static final String ALGORITHM = "Ed25519";

    private CheckpointSignature() {
    }

    /** One chain's head as a checkpoint saw it. */
    public record Head(String trail, String aggregateId, long seq, String hash) {
    }

    /**
     * The root over chain heads: SHA-256 (hex) of the lines {@code JCS({"aggregateId","hash","seq","trail"}) + "\n"},
     * one per chain, sorted by trail then aggregate id (UTF-8 byte order). The heads must come in that order.
     */
    public static final class Root {
        private final MessageDigest digest;
        private long chains;
        private long entries;

        public Root() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        public Root add(Head head) {
            ObjectNode line = EventJson.mapper().createObjectNode();
            line.put("trail", head.trail());
            line.put("aggregateId", head.aggregateId());
            line.put("seq", head.seq());
            line.put("hash", head.hash());
            digest.update((canonical(line.toString()) + "\n").getBytes(StandardCharsets.UTF_8));
            chains++;
            entries += head.seq();
            return this;
        }

        public long chains() {
            return chains;
        }

        public long entries() {
            return entries;
        }

        public String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    public static String root(List<Head> sortedHeads) {
        Root root = new Root();
        sortedHeads.forEach(root::add);
        return root.hex();
    }

    /** What the signature covers. */
    public static byte[] signedBytes(AuditCheckpoint checkpoint) {
        ObjectNode json = EventJson.mapper().valueToTree(checkpoint.withSignature(null));
        json.remove("signature");
        return canonical(json.toString()).getBytes(StandardCharsets.UTF_8);
    }

    public static AuditCheckpoint sign(AuditCheckpoint unsigned, PrivateKey key) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(signedBytes(unsigned));
            return unsigned.withSignature(Base64.getEncoder().encodeToString(s.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the checkpoint", e);
        }
    }

    public static boolean verify(AuditCheckpoint checkpoint, PublicKey key) {
        if (checkpoint.signature() == null || !ALGORITHM.equals(checkpoint.algorithm())) {
            return false;
        }
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(signedBytes(checkpoint));
            return s.verify(Base64.getDecoder().decode(checkpoint.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** A PEM private key (PKCS#8, {@code openssl genpkey -algorithm ed25519}). */
    public static PrivateKey privateKey(String pem) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 PKCS#8 private key", e);
        }
    }

    /** A PEM public key (X.509 SubjectPublicKeyInfo, {@code openssl pkey -pubout}). */
    public static PublicKey publicKey(String pem) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    private static byte[] der(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }

    static String canonical(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
