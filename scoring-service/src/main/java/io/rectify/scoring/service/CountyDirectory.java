package io.rectify.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Counties and enterprises as the facts know them. A county stays known through its stored answers
 * while a rebuild has thrown the facts away, so reads keep working during one.
 */
@ApplicationScoped
public class CountyDirectory {

    @Inject
    Sql sql;

    @Transactional
    public Optional<CountyRef> find(String code) {
        Optional<CountyRef> county = sql.one("select code, name, city, province from county where code = ?",
                rs -> new CountyRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), code);
        if (county.isPresent()) {
            return county;
        }
        return sql.one("""
                select county_code, county_name, city, province from county_index_current where county_code = ?
                 order by period desc limit 1""",
                rs -> new CountyRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), code);
    }

    /** The known counties among {@code codes} (with one statement; {@link #find} for those only seen in answers). */
    @Transactional
    public Map<String, CountyRef> findAll(Collection<String> codes) {
        Map<String, CountyRef> found = new HashMap<>();
        sql.work(c -> {
            try (var ps = c.prepareStatement("select code, name, city, province from county where code = any(?)")) {
                ps.setArray(1, c.createArrayOf("varchar", codes.toArray()));
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), new CountyRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                    }
                }
            }
            return null;
        });
        for (String code : codes) {
            if (!found.containsKey(code)) {
                find(code).ifPresent(ref -> found.put(code, ref));
            }
        }
        return found;
    }

    /** Every county with facts or a stored answer, in code order. */
    @Transactional
    public List<String> allCodes() {
        return sql.list("select code from county union select county_code from county_index_current order by 1", rs -> rs.getString(1));
    }

    @Transactional
    public List<CountyRef> all() {
        return sql.list("""
                select code, name, city, province from county
                union all
                select * from (select distinct on (county_code) county_code, county_name, city, province from county_index_current
                                where county_code not in (select code from county) order by county_code, period desc) stale
                order by 1""",
                rs -> new CountyRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    /** The county an enterprise is registered in. */
    @Transactional
    public Optional<String> countyOfEnterprise(String creditCode) {
        return sql.one("select county_code from enterprise where credit_code = ?", rs -> rs.getString(1), creditCode);
    }
}
