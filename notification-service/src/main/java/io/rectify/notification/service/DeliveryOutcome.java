package io.rectify.notification.service;

/**
 * What one delivery attempt came to: delivered, worth retrying (5xx, timeout, connection or SMTP trouble),
 * or refused for good (4xx: the receiver will not take it however often we ask).
 */
public sealed interface DeliveryOutcome {

    Integer httpStatus();

    String detail();

    record Delivered(Integer httpStatus, String detail) implements DeliveryOutcome {
    }

    record Retryable(Integer httpStatus, String detail) implements DeliveryOutcome {
    }

    record Refused(Integer httpStatus, String detail) implements DeliveryOutcome {
    }

    /** Trims an error text to what the attempt row keeps. */
    static String brief(String text) {
        if (text == null) {
            return null;
        }
        return text.length() > 900 ? text.substring(0, 900) + "…" : text;
    }
}
