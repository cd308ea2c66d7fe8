package io.rectify.notification.domain;

import java.util.Arrays;
import java.util.Optional;

/** How far up the authority ladder a chase has gone. */
public enum EscalationLevel {
    NONE,
    CITY,
    PROVINCE;

    /** The highest authority already told: the county hears of every overdue hazard. */
    public RecipientLevel highestRecipient() {
        return switch (this) {
            case NONE -> RecipientLevel.COUNTY;
            case CITY -> RecipientLevel.CITY;
            case PROVINCE -> RecipientLevel.PROVINCE;
        };
    }

    public boolean below(EscalationLevel other) {
        return ordinal() < other.ordinal();
    }

    public static Optional<EscalationLevel> parse(String value) {
        return Arrays.stream(values()).filter(l -> l.name().equalsIgnoreCase(value == null ? "" : value.trim())).findFirst();
    }
}
