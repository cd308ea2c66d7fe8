package io.rectify.notification.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * Who a notification goes to, and how a contact of that level is referenced: ENTERPRISE by credit code,
 * COUNTY by county code, CITY by city name, PROVINCE by province name.
 */
public enum RecipientLevel {
    ENTERPRISE,
    COUNTY,
    CITY,
    PROVINCE;

    public static Optional<RecipientLevel> parse(String value) {
        return Arrays.stream(values()).filter(l -> l.name().equalsIgnoreCase(value == null ? "" : value.trim())).findFirst();
    }
}
