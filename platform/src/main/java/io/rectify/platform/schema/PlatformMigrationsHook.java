package io.rectify.platform.schema;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.resource.LoadableResource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * Splits what Quarkus found under {@code quarkus.flyway.locations} (db/migration and db/platform, both
 * listed so Quarkus collects their scripts at build time) between two histories: the service's Flyway
 * sees only its own scripts, {@link PlatformMigrations} — hung on it as a callback — only the platform's.
 * All of it runs under the {@link MigrationLock}, released here once the application has started.
 */
@Singleton
public class PlatformMigrationsHook implements FlywayConfigurationCustomizer {

    static final String PLATFORM_DIR = "db/platform/";

    @Override
    public void customize(FluentConfiguration configuration) {
        ResourceProvider all = configuration.getResourceProvider();
        if (all == null) {
            return; // not the Quarkus-built configuration: nothing to split
        }
        // the platform's SQL callbacks (afterMigrate.sql: the runtime role's grants) also run after the
        // service's own migrations, so they cover the service's tables too, not only the platform's
        configuration.resourceProvider(only(all, path -> !isPlatform(path) || isCallback(path)));
        List<Callback> callbacks = new ArrayList<>(Arrays.asList(configuration.getCallbacks()));
        callbacks.add(new PlatformMigrations(only(all, PlatformMigrationsHook::isPlatform)));
        configuration.callbacks(callbacks.toArray(Callback[]::new));
    }

    /** Migrations are done once the application has started: the next instance may migrate (MigrationLock). */
    void started(@Observes StartupEvent ignored) {
        MigrationLock.release();
    }

    static boolean isCallback(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.startsWith("afterMigrate") || name.startsWith("beforeMigrate");
    }

    static boolean isPlatform(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.startsWith(PLATFORM_DIR) || p.startsWith("classpath:" + PLATFORM_DIR);
    }

    private static ResourceProvider only(ResourceProvider all, Predicate<String> path) {
        return new ResourceProvider() {
            @Override
            public LoadableResource getResource(String name) {
                LoadableResource r = all.getResource(name);
                return r == null || !path.test(r.getAbsolutePath()) ? null : r;
            }

            @Override
            public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
                return all.getResources(prefix, suffixes).stream().filter(r -> path.test(r.getAbsolutePath())).toList();
            }
        };
    }
}
