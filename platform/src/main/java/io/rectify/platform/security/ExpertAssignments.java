package io.rectify.platform.security;

import java.util.Set;

/**
 * Which enterprises an expert is assigned to (has an inspection of), for {@link Scope}: a service that
 * knows assignments provides one bean of this type (inspection-service from its own inspections,
 * hazard-service from {@code InspectionScheduled}); in a service without one, experts see only the
 * county of their token.
 */
public interface ExpertAssignments {

    /** Credit codes of the enterprises having a (not cancelled) inspection the expert with this token subject is assigned to. */
    Set<String> enterprisesOf(String expertSubject);
}
