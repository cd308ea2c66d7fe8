package io.rectify.platform.evidence;

import io.agroal.api.AgroalDataSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Evidence bytes in the service's own database: a row per distinct file ({@code evidence_blob}) and its
 * content in chunks of {@link #CHUNK} bytes ({@code evidence_chunk}). Writing joins the caller's
 * transaction, so the upload row and its bytes commit together; reading fetches one chunk at a time.
 */
public class PostgresEvidenceStore implements EvidenceStore {

    static final int CHUNK = 256 * 1024;

    private final AgroalDataSource dataSource;

    public PostgresEvidenceStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean contains(String sha256) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select 1 from evidence_blob where sha256 = ?")) {
            s.setString(1, sha256);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("evidence store unavailable", e);
        }
    }

    @Override
    public void put(String sha256, Path file, long size) throws IOException {
        try (Connection c = dataSource.getConnection()) {
            // a concurrent upload of the same bytes waits here for the first one's commit, then skips
            try (PreparedStatement s = c.prepareStatement(
                    "insert into evidence_blob (sha256, size, stored_at) values (?, ?, ?) on conflict (sha256) do nothing")) {
                s.setString(1, sha256);
                s.setLong(2, size);
                s.setTimestamp(3, Timestamp.from(Instant.now()));
                if (s.executeUpdate() == 0) {
                    return;
                }
            }
            try (InputStream in = Files.newInputStream(file);
                 PreparedStatement s = c.prepareStatement("insert into evidence_chunk (sha256, seq, data) values (?, ?, ?)")) {
                byte[] buffer = new byte[CHUNK];
                int seq = 0;
                int n;
                while ((n = in.readNBytes(buffer, 0, CHUNK)) > 0) {
                    s.setString(1, sha256);
                    s.setInt(2, seq++);
                    s.setBytes(3, n == CHUNK ? buffer : java.util.Arrays.copyOf(buffer, n));
                    s.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IOException("could not store evidence " + sha256, e);
        }
    }

    @Override
    public InputStream open(String sha256, long offset, long length) {
        return new ChunkStream(sha256, offset, length);
    }

    @Override
    public void delete(String sha256) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("delete from evidence_blob where sha256 = ?")) {
            s.setString(1, sha256);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("evidence store unavailable", e);
        }
    }

    /** Reads chunk after chunk, each with its own short query, so a slow client holds no connection. */
    private final class ChunkStream extends InputStream {
        private final String sha256;
        private long position;
        private final long end;
        private byte[] chunk;
        private long chunkStart = -1;

        ChunkStream(String sha256, long offset, long length) {
            this.sha256 = sha256;
            this.position = offset;
            this.end = offset + length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= end) {
                return -1;
            }
            int seq = (int) (position / CHUNK);
            if (chunkStart != (long) seq * CHUNK) {
                chunk = fetch(seq);
                chunkStart = (long) seq * CHUNK;
            }
            int from = (int) (position - chunkStart);
            int n = (int) Math.min(Math.min(len, chunk.length - from), end - position);
            if (n <= 0) {
                throw new IOException("evidence " + sha256 + " is shorter than recorded");
            }
            System.arraycopy(chunk, from, b, off, n);
            position += n;
            return n;
        }

        private byte[] fetch(int seq) throws IOException {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement s = c.prepareStatement("select data from evidence_chunk where sha256 = ? and seq = ?")) {
                s.setString(1, sha256);
                s.setInt(2, seq);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new IOException("evidence " + sha256 + " misses chunk " + seq);
                    }
                    return r.getBytes(1);
                }
            } catch (SQLException e) {
                throw new UncheckedIOException(new IOException("evidence store unavailable", e));
            }
        }
    }
}
