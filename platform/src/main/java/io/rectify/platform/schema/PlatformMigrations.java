package io.rectify.platform.schema;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ClassProvider;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The platform's tables (outbox, processed events, idempotency keys, …) have their own Flyway history,
 * {@value #HISTORY_TABLE}, beside the service's {@code flyway_schema_history}: the platform's {@code V0_x}
 * scripts and a service's {@code V1, V2, V10 …} are two sequences that each grow on their own, so a
 * {@code V0_4} added after a service's {@code V2} was applied is simply the platform's next step instead
 * of a version below the service's latest (which Flyway refuses). See docs/engineering.md "Migrations".
 * <p>
 * Runs as a callback of the service's own Flyway (Quarkus' migrate-at-start), just before that Flyway
 * migrates, so the platform's tables exist before any service script that refers to them, and a test's
 * clean-at-start removes both histories at once. A database migrated under the former shared history
 * (platform rows {@code 0.x} in {@code flyway_schema_history}) is adopted: the platform history starts at
 * the latest of those versions and the rows leave the service's history.
 */
public class PlatformMigrations implements Callback {

    public static final String HISTORY_TABLE = "flyway_platform_history";
    public static final String LOCATION = "classpath:db/platform";
    private static final Logger LOG = Logger.getLogger(PlatformMigrations.class);

    private final String[] locations;
    private final ResourceProvider scripts;

    /**
     * Inside Quarkus: the platform's scripts as Quarkus found them at build time (Quarkus replaces
     * Flyway's classpath scanner with its build-time list, so a second Flyway cannot scan by itself).
     */
    public PlatformMigrations(ResourceProvider scripts) {
        this.locations = new String[]{LOCATION};
        this.scripts = scripts;
    }

    /** Outside Quarkus, scanning these locations (tests add a later platform script this way). */
    public PlatformMigrations(String... locations) {
        this.locations = locations;
        this.scripts = null;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    /**
     * Before validation only the adoption of a shared history (validation would otherwise miss the
     * platform's rows' scripts); the platform's scripts themselves run just before the service's
     * migrations, once the service's history table exists — earlier, the platform's tables would make
     * a fresh schema look like a non-empty one without history, which the service's Flyway refuses.
     */
    @Override
    public void handle(Event event, Context context) {
        Configuration service = context.getConfiguration();
        MigrationLock.acquire(service.getDataSource());
        if (event == Event.BEFORE_VALIDATE) {
            adoptSharedHistory(service.getDataSource(), schemaOf(service), service.getTable());
        } else {
            migrate(service);
        }
    }

    @Override
    public String getCallbackName() {
        return "rectify-platform-migrations";
    }

    /** Brings the platform's tables up to date in the schema the service's Flyway works on; idempotent. */
    public void migrate(Configuration service) {
        DataSource ds = service.getDataSource();
        String schema = schemaOf(service);
        adoptSharedHistory(ds, schema, service.getTable());
        var config = Flyway.configure(getClass().getClassLoader())
                .dataSource(ds)
                .locations(locations)
                .table(HISTORY_TABLE)
                .placeholders(service.getPlaceholders())
                .cleanDisabled(true)
                .validateMigrationNaming(true)
                // the schema already holds the service's history table: start the platform's at 0, below V0_1
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("platform history begins");
        if (scripts != null) {
            ClassProvider<JavaMigration> none = List::of;
            config.resourceProvider(scripts).javaMigrationClassProvider(none);
        }
        if (schema != null) {
            config.schemas(schema).defaultSchema(schema).createSchemas(service.isCreateSchemas());
        }
        int applied = config.load().migrate().migrationsExecuted;
        if (applied > 0) {
            LOG.infof("applied %d platform migration(s) (history %s)", applied, HISTORY_TABLE);
        }
    }

    /**
     * Moves the platform's rows of a history both used to share ({@code 0.x}, the only versions below the
     * services' V1) into a baseline of the platform's own history, so neither history names a script it
     * cannot resolve. Does nothing once the platform history exists.
     */
    static void adoptSharedHistory(DataSource ds, String schema, String serviceTable) {
        try (Connection c = ds.getConnection()) {
            if (tableExists(c, schema, HISTORY_TABLE) || !tableExists(c, schema, serviceTable)) {
                return;
            }
            String qualified = (schema == null ? "" : "\"" + schema + "\".") + "\"" + serviceTable + "\"";
            List<String> platformVersions = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select version from " + qualified + " where version like '0.%' and success");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    platformVersions.add(rs.getString(1));
                }
            }
            if (platformVersions.isEmpty()) {
                return;
            }
            MigrationVersion latest = platformVersions.stream().map(MigrationVersion::fromVersion).max(MigrationVersion::compareTo).orElseThrow();
            var baseline = Flyway.configure(PlatformMigrations.class.getClassLoader()).dataSource(ds).table(HISTORY_TABLE)
                    .baselineVersion(latest).baselineDescription("platform scripts applied under the shared history");
            if (schema != null) {
                baseline.schemas(schema).defaultSchema(schema).createSchemas(false);
            }
            baseline.load().baseline();
            try (PreparedStatement s = c.prepareStatement("delete from " + qualified + " where version like '0.%'")) {
                s.executeUpdate();
            }
            LOG.infof("adopted platform migrations up to %s from %s into %s", latest, serviceTable, HISTORY_TABLE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot adopt the platform's migration history", e);
        }
    }

    private static String schemaOf(Configuration service) {
        if (service.getDefaultSchema() != null) {
            return service.getDefaultSchema();
        }
        return service.getSchemas().length > 0 ? service.getSchemas()[0] : null;
    }

    private static boolean tableExists(Connection c, String schema, String table) throws SQLException {
        String inSchema = schema != null ? schema : c.getSchema();
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getTables(null, inSchema, table, new String[]{"TABLE"})) {
            return rs.next();
        }
    }
}
