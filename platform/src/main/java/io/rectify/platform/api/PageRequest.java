package io.rectify.platform.api;

import io.rectify.platform.rest.QueryValues;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.List;

/**
 * {@code ?page=0&size=50}: the one paging rule of every list (docs/engineering.md "Input vocabulary").
 * Use with {@code @BeanParam}. {@code page} is 0 to {@link Integer#MAX_VALUE}, {@code size} 1 to
 * {@value #MAX_SIZE}; anything else, or a value that is not a whole number, is a 422 naming the
 * parameter (read through {@link QueryValues}, so {@code ?page=2147483648} is refused like
 * {@code ?page=x}, not answered with JAX-RS's bare 404). The offset is a {@code long}: a page past the
 * end — even {@code ?page=2147483647&size=500} — is an empty page, answered without asking the
 * database for rows.
 */
public class PageRequest {

    public static final int MAX_SIZE = 500;
    public static final int DEFAULT_SIZE = 50;

    @QueryParam("page")
    @Parameter(description = "0-based page number", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
            minimum = "0", maximum = "2147483647", defaultValue = "0"))
    String pageValue;

    @QueryParam("size")
    @Parameter(description = "items per page", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
            minimum = "1", maximum = "500", defaultValue = "50"))
    String sizeValue;

    public static PageRequest of(int page, int size) {
        PageRequest p = new PageRequest();
        p.pageValue = Integer.toString(page);
        p.sizeValue = Integer.toString(size);
        return p;
    }

    /** The 0-based page number; a bad value is a 422 naming {@code page}. */
    public int page() {
        return QueryValues.integer("page", pageValue, 0, Integer.MAX_VALUE, 0);
    }

    /** Items per page; a bad value is a 422 naming {@code size}. */
    public int size() {
        return QueryValues.integer("size", sizeValue, 1, MAX_SIZE, DEFAULT_SIZE);
    }

    /** The number of items before this page, in long arithmetic: {@code page × size} overflows an int. */
    public long offset() {
        return (long) page() * size();
    }

    /** This page of {@code query}'s results; past the end (or past an int offset) an empty page, without a query. */
    public <T> PageResult<T> fetch(TypedQuery<T> query, long total) {
        long offset = offset();
        List<T> items = offset >= total || offset > Integer.MAX_VALUE ? List.of()
                : query.setFirstResult((int) offset).setMaxResults(size()).getResultList();
        return result(items, total);
    }

    /** This page of a list already in memory. */
    public <T> PageResult<T> slice(List<T> all) {
        int from = (int) Math.min(offset(), all.size());
        int to = (int) Math.min((long) from + size(), all.size());
        return result(all.subList(from, to), all.size());
    }

    /** This page's answer around items the caller fetched itself (e.g. with SQL {@code limit size() offset offset()}). */
    public <T> PageResult<T> result(List<T> items, long total) {
        return new PageResult<>(items, page(), size(), total);
    }
}
