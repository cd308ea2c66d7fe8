package io.rectify.platform.rest;

import jakarta.ws.rs.core.EntityTag;

/**
 * ETag on the entity version: optimistic concurrency over HTTP. The {@code If-Match} check on a change
 * is the service's, with the plain header value: {@link io.rectify.platform.api.IfMatch#check}.
 */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }
}
