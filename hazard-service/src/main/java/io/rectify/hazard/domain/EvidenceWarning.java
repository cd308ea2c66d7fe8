package io.rectify.hazard.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** What reviewers of rectification photos look for: signs that the "after" evidence does not show this repair. */
public enum EvidenceWarning {
    /** The very file of the finding (the "before" photo) handed in as the "after" photo. */
    SAME_AS_FINDING_EVIDENCE,
    /** A file already used to rectify another hazard. */
    USED_FOR_ANOTHER_HAZARD,
    /** A photo taken (EXIF) before the hazard was even reported. */
    CAPTURED_BEFORE_REPORT;

    /** The facts of one rectification's evidence file. */
    public record Fact(String sha256, Instant capturedAt, boolean usedForAnotherHazard) {
    }

    /** The warnings raised by a rectification's files, in declaration order, each once. */
    public static List<EvidenceWarning> of(Collection<Fact> files, Set<String> findingSha256s, Instant reportedAt) {
        List<EvidenceWarning> raised = new ArrayList<>();
        if (files.stream().anyMatch(f -> f.sha256() != null && findingSha256s.contains(f.sha256()))) {
            raised.add(SAME_AS_FINDING_EVIDENCE);
        }
        if (files.stream().anyMatch(Fact::usedForAnotherHazard)) {
            raised.add(USED_FOR_ANOTHER_HAZARD);
        }
        if (reportedAt != null && files.stream().anyMatch(f -> f.capturedAt() != null && f.capturedAt().isBefore(reportedAt))) {
            raised.add(CAPTURED_BEFORE_REPORT);
        }
        return raised;
    }

    public static String join(List<EvidenceWarning> warnings) {
        return warnings.isEmpty() ? null : String.join(",", warnings.stream().map(Enum::name).toList());
    }

    public static List<String> split(String stored) {
        return stored == null || stored.isBlank() ? List.of() : List.of(stored.split(","));
    }
}
