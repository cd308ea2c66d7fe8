package db.migration;

import io.rectify.hazard.audit.HazardTrails;
import io.rectify.platform.audit.LegacyTrailSeal;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Statement;

/** Chains the history lines written before V15 (the append-only trigger is lifted for this one pass). */
public class V16__seal_hazard_history extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("alter table hazard_history disable trigger hazard_history_no_update");
            LegacyTrailSeal.seal(context.getConnection(), HazardTrails.HISTORY, "id");
            s.execute("alter table hazard_history enable trigger hazard_history_no_update");
        }
    }
}
