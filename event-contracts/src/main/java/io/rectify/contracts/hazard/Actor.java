package io.rectify.contracts.hazard;

/** Who caused an event: the token subject and the role they acted in ({@code SYSTEM} for the scheduler). */
public record Actor(String subject, String role) {

    public static final Actor SYSTEM = new Actor("rectify", "SYSTEM");
}
