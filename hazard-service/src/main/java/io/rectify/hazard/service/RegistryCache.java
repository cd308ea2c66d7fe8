package io.rectify.hazard.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.rectify.platform.outbox.AfterCompletion;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a registry look-up found (a county, an enterprise's county), kept for a few seconds: every report
 * reads both, and they change only when inspection-service registers again. A registration consumed by
 * this instance drops the entry when its transaction ends; another instance sees it at most
 * {@code rectify.hazard.registry-cache-ttl} later, as it sees any registration only once its event has
 * arrived (contracts.md "Writes checked against the registry"). Nothing unknown is kept: a county or
 * enterprise registered a moment ago is found as soon as its row is there.
 */
final class RegistryCache<V> {

    private final Cache<String, V> entries;

    RegistryCache(Duration ttl) {
        entries = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(100_000).build();
    }

    Optional<V> find(String key, Function<String, Optional<V>> lookup) {
        V known = entries.getIfPresent(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<V> found = lookup.apply(key);
        found.ifPresent(v -> entries.put(key, v));
        return found;
    }

    /** Drops the entry now and again when the registering transaction ends (a look-up in between read the old row). */
    void forget(TransactionSynchronizationRegistry transactions, String key) {
        entries.invalidate(key);
        AfterCompletion.once(transactions, List.of(this, key), () -> entries.invalidate(key));
    }
}
