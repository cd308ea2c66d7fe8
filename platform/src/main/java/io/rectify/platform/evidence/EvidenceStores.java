package io.rectify.platform.evidence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/** The {@link EvidenceStore} that {@code rectify.evidence.store} names. */
@ApplicationScoped
public class EvidenceStores {

    @Inject
    EvidenceConfig config;

    @Inject
    Instance<AgroalDataSource> dataSource;

    @Produces
    @ApplicationScoped
    EvidenceStore store() {
        return switch (config.store()) {
            case "postgres" -> new PostgresEvidenceStore(dataSource.get());
            case "s3" -> S3EvidenceStore.create(config.s3());
            default -> throw new IllegalStateException("rectify.evidence.store must be postgres or s3, not " + config.store());
        };
    }
}
