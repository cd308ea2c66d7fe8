package io.rectify.platform;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.platform.schema.PlatformMigrations;
import io.rectify.platform.testing.StandaloneBrokerResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Inside Quarkus, migrate-at-start keeps two histories: the platform's V0_x in their own, the service's in Flyway's. */
@QuarkusTest
@QuarkusTestResource(StandaloneBrokerResource.class)
class PlatformHistoryTest {

    // Flyway's histories are the owner role's: the runtime role of the application may not read them
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.flyway.username")
    String owner;

    @ConfigProperty(name = "quarkus.flyway.password")
    String ownerPassword;

    @Test
    void thePlatformsScriptsHaveTheirOwnHistory() throws SQLException {
        assertThat(versions(PlatformMigrations.HISTORY_TABLE)).contains("0.1", "0.2", "0.3").allMatch(v -> v.startsWith("0"));
        assertThat(versions("flyway_schema_history")).isNotEmpty().noneMatch(v -> v.startsWith("0."));
    }

    private List<String> versions(String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, owner, ownerPassword); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select version from " + table + " where version is not null and success order by installed_rank")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
