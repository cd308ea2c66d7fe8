package io.rectify.hazard.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.rectify.platform.outbox.AfterCompletion;
import jakarta.transaction.TransactionSynchronizationRegistry;

import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A registry look-up by key (a county's code, an enterprise's credit code), and what it found,
 * kept for a few seconds. The look-up is plain JDBC on a connection of the pool: a report asks outside
 * any transaction, where the ORM's session would keep its connection for the whole request (while the
 * report waits for its batch, which needs one too; the pool ran dry), and in a transaction the pool hands
 * out that transaction's connection.
 * <p>
 * What a registry look-up found (a county, an enterprise's county), kept for a few seconds: every report
 * reads both, and they change only when inspection-service registers again. A registration consumed by
 * this instance drops the entry when its transaction ends; another instance sees it at most
 * {@code rectify.hazard.registry-cache-ttl} later, as it sees any registration only once its event has
 * arrived (contracts.md "Writes checked against the registry"). Nothing unknown is kept: a county or
 * enterprise registered a moment ago is found as soon as its row is there.
 */
final class RegistryCache<V> {

    /** Maps the row the look-up found (the key is the statement's only parameter). */
    @FunctionalInterface
    interface RowMapper<V> {
        V map(String key, ResultSet row) throws SQLException;
    }

    private final Cache<String, V> entries;
    private final DataSource dataSource;
    private final String select;
    private final RowMapper<V> mapper;

    RegistryCache(Duration ttl, DataSource dataSource, String select, RowMapper<V> mapper) {
        this.entries = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(100_000).build();
        this.dataSource = dataSource;
        this.select = select;
        this.mapper = mapper;
    }

    Optional<V> find(String key) {
        V known = entries.getIfPresent(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<V> found = read(key);
        found.ifPresent(v -> entries.put(key, v));
        return found;
    }

    private Optional<V> read(String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(select)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(mapper.map(key, rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new PersistenceException("reading the registry: " + select, e);
        }
    }

    /** Drops the entry now and again when the registering transaction ends (a look-up in between read the old row). */
    void forget(TransactionSynchronizationRegistry transactions, String key) {
        entries.invalidate(key);
        AfterCompletion.once(transactions, List.of(this, key), () -> entries.invalidate(key));
    }
}
