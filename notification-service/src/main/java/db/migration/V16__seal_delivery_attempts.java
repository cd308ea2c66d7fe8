package db.migration;

import io.rectify.notification.audit.DeliveryTrail;
import io.rectify.platform.audit.LegacyTrailSeal;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Chains the delivery attempts recorded before V15, in the order they were written. */
public class V16__seal_delivery_attempts extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        LegacyTrailSeal.seal(context.getConnection(), DeliveryTrail.TRAIL, "id");
    }
}
