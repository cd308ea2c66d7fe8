package io.rectify.platform.schema;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Migrations that can grow: a platform script added after a service's V1 and V2 were applied is applied
 * (its own history), where the former shared history refused it; a database migrated under the shared
 * history is adopted. Real PostgreSQL, a schema of its own per test.
 */
class PlatformMigrationsTest {

    private static final String URL = System.getProperty("rectify.test.platform-db",
            "jdbc:postgresql://127.0.0.1:5432/rectify_platform_test");
    // migrations run as the owner role (the runtime role may not create schemas or read Flyway's history)
    private static final String USER = System.getProperty("rectify.test.owner", "rectify_owner");
    private static final String PASSWORD = System.getProperty("rectify.test.owner-password", "rectify_owner");
    private static final String SERVICE = "classpath:db/growth/service";
    private static final String PLATFORM = PlatformMigrations.LOCATION;
    private static final String LATER = "classpath:db/growth/platform-later";

    /** The platform's scripts in db/platform today (V0_1 to V0_7); the adopted history starts at the latest. */
    private static final String[] PLATFORM_VERSIONS = {"0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7"};
    private static final String LATEST_PLATFORM_VERSION = PLATFORM_VERSIONS[PLATFORM_VERSIONS.length - 1];

    private static String[] with(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private String schema;

    @BeforeEach
    void schema() throws SQLException {
        schema = "growth_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        sql("create schema " + schema);
    }

    @AfterEach
    void drop() throws SQLException {
        sql("drop schema " + schema + " cascade");
    }

    @Test
    void aPlatformScriptAddedAfterTheServicesScriptsIsApplied() throws SQLException {
        service(new PlatformMigrations(PLATFORM)).migrate();
        assertThat(versions("flyway_schema_history")).containsExactly("1", "2");
        // possibly after a baseline marker "0" (when the schema already held the service's history table)
        assertThat(versions(PlatformMigrations.HISTORY_TABLE)).endsWith(PLATFORM_VERSIONS).allMatch(v -> v.startsWith("0"));

        service(new PlatformMigrations(PLATFORM, LATER)).migrate();

        assertThat(versions(PlatformMigrations.HISTORY_TABLE)).endsWith(with(PLATFORM_VERSIONS, "0.9.1"));
        assertThat(versions("flyway_schema_history")).containsExactly("1", "2");
        assertThat(tableExists("grown_later")).isTrue();
        service(new PlatformMigrations(PLATFORM, LATER)).validate();
    }

    @Test
    void theSharedHistoryRefusedIt() {
        shared(PLATFORM).migrate();
        assertThatThrownBy(() -> shared(PLATFORM, LATER).migrate()).isInstanceOf(FlywayException.class)
                .hasMessageContaining("0.9.1");
    }

    @Test
    void aDatabaseMigratedUnderTheSharedHistoryIsAdopted() throws SQLException {
        shared(PLATFORM).migrate();
        assertThat(versions("flyway_schema_history")).containsExactly(with(PLATFORM_VERSIONS, "1", "2"));

        service(new PlatformMigrations(PLATFORM, LATER)).migrate();

        assertThat(versions("flyway_schema_history")).containsExactly("1", "2");
        assertThat(versions(PlatformMigrations.HISTORY_TABLE)).containsExactly(LATEST_PLATFORM_VERSION, "0.9.1");
        assertThat(tableExists("grown_later")).isTrue();
        service(new PlatformMigrations(PLATFORM, LATER)).migrate(); // idempotent
        assertThat(versions(PlatformMigrations.HISTORY_TABLE)).containsExactly(LATEST_PLATFORM_VERSION, "0.9.1");
    }

    @Test
    void theHookHidesThePlatformsScriptsFromTheService() {
        assertThat(PlatformMigrationsHook.isPlatform("db/platform/V0_1__outbox.sql")).isTrue();
        assertThat(PlatformMigrationsHook.isPlatform("/db/platform/V0_4__x.sql")).isTrue();
        assertThat(PlatformMigrationsHook.isPlatform("db/migration/V1__init.sql")).isFalse();
        // the platform's callbacks (the runtime role's grants) run after the service's migrations as well
        assertThat(PlatformMigrationsHook.isCallback("db/platform/afterMigrate.sql")).isTrue();
        assertThat(PlatformMigrationsHook.isCallback("db/platform/V0_4__audit_chain.sql")).isFalse();
    }

    /** The scheme in use: the service's own scripts, the platform's run first by the callback. */
    private Flyway service(Callback platform) {
        return base().locations(SERVICE).callbacks(platform).load();
    }

    /** The former scheme: one history for both. */
    private Flyway shared(String... platformLocations) {
        List<String> locations = new ArrayList<>(List.of(SERVICE));
        locations.addAll(List.of(platformLocations));
        return base().locations(locations.toArray(String[]::new)).load();
    }

    private FluentConfiguration base() {
        // the platform's afterMigrate.sql grants to the runtime role named by this placeholder
        return Flyway.configure().dataSource(URL, USER, PASSWORD).schemas(schema).defaultSchema(schema)
                .placeholders(java.util.Map.of("runtime_role", "rectify"));
    }

    private List<String> versions(String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select version from " + schema + "." + table + " where version is not null order by installed_rank")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private boolean tableExists(String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
             ResultSet rs = c.getMetaData().getTables(null, schema, table, new String[]{"TABLE"})) {
            return rs.next();
        }
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
