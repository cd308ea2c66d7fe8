package io.rectify.scenarios.demo;

/** The demo cannot go on; the message says what did not happen and where to look. */
public final class DemoFailure extends RuntimeException {

    public DemoFailure(String message) {
        super(message);
    }

    public DemoFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
