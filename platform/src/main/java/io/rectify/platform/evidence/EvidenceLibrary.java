package io.rectify.platform.evidence;

import io.rectify.platform.problem.ProblemException;
import io.rectify.platform.security.Caller;
import io.rectify.platform.security.Jurisdiction;
import io.rectify.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Who may read an evidence file, and the records that reference it. A file is readable by its uploader
 * (and, for an enterprise, by its colleagues), by ADMIN and AGENCY_SYSTEM, and by whoever may see a record
 * that references it; to anyone else it does not exist (404). A finding or hazard may reference only files
 * its author may read.
 */
@ApplicationScoped
public class EvidenceLibrary {

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AgroalDataSource dataSource;

    /** The file, if the caller may read it; 404 otherwise (not 403: its existence is not disclosed). */
    public EvidenceFile readable(UUID id) {
        EvidenceFile f = em.find(EvidenceFile.class, id);
        if (f == null || !mayRead(f)) {
            throw ProblemException.notFound("evidence", id);
        }
        return f;
    }

    /** The file a request names in {@code field}; 422 naming the field when it is unknown or not the caller's to use. */
    public EvidenceFile referable(String field, UUID id) {
        EvidenceFile f = id == null ? null : em.find(EvidenceFile.class, id);
        if (f == null || !mayRead(f)) {
            throw ProblemException.invalid(field, "no evidence file " + id + " that you may use: upload it first (POST /api/v1/evidence)");
        }
        return f;
    }

    /** Outside URIs (not uploaded here, so not verified) are for backfills by ADMIN and AGENCY_SYSTEM only. */
    public boolean mayReferenceOutsideUris() {
        return caller.is(Roles.ADMIN) || caller.is(Roles.AGENCY_SYSTEM);
    }

    boolean mayRead(EvidenceFile f) {
        if (caller.seesEverything()) {
            return true;
        }
        // an enterprise's uploads are the enterprise's: another enterprise never reads them, whatever its user is called
        boolean uploader = caller.is(Roles.ENTERPRISE)
                ? f.uploaderCreditCode != null && f.uploaderCreditCode.equals(caller.creditCode())
                : f.uploaderCreditCode == null && f.uploadedBy.equals(caller.subject());
        if (uploader) {
            return true;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> uses = em.createNativeQuery("select province, city, county_code, credit_code from evidence_use where evidence_id = ?1")
                .setParameter(1, f.id).getResultList();
        return uses.stream().anyMatch(u -> caller.canSee(new Jurisdiction((String) u[0], (String) u[1], (String) u[2], (String) u[3])));
    }

    /** Records that {@code owner} references the file for {@code purpose}; it is never swept from now on. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void use(UUID evidenceId, String ownerType, UUID ownerId, String purpose, Jurisdiction where) {
        // plain JDBC on the transaction's connection: the jurisdiction may have null parts, which a native
        // query would bind without a type
        em.flush();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into evidence_use (evidence_id, owner_type, owner_id, purpose, province, city,"
                     + " county_code, credit_code, used_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")) {
            s.setObject(1, evidenceId);
            s.setString(2, ownerType);
            s.setObject(3, ownerId);
            s.setString(4, purpose);
            s.setString(5, where.province());
            s.setString(6, where.city());
            s.setString(7, where.countyCode());
            s.setString(8, where.creditCode());
            s.setTimestamp(9, Timestamp.from(Instant.now()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the use of evidence " + evidenceId, e);
        }
    }

    /** The record no longer references its files for {@code purpose} (a finding edited or deleted before completion). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(String ownerType, UUID ownerId, String purpose) {
        em.createNativeQuery("delete from evidence_use where owner_type = ?1 and owner_id = ?2 and purpose = ?3")
                .setParameter(1, ownerType).setParameter(2, ownerId).setParameter(3, purpose).executeUpdate();
    }

    /** Whether content with this digest is referenced for {@code purpose} by another record of the type. */
    public boolean usedByAnother(String sha256, String ownerType, String purpose, UUID ownerId) {
        Number n = (Number) em.createNativeQuery("select count(*) from evidence_use u join evidence e on e.id = u.evidence_id"
                        + " where e.sha256 = ?1 and u.owner_type = ?2 and u.purpose = ?3 and u.owner_id <> ?4")
                .setParameter(1, sha256).setParameter(2, ownerType).setParameter(3, purpose).setParameter(4, ownerId)
                .getSingleResult();
        return n.longValue() > 0;
    }
}
