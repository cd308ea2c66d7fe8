package io.rectify.platform.security;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The grants of {@link Scope} and their two forms; that the forms agree on a database is proved by each service's ScopeTableTest. */
class ScopeTest {

    private static final Jurisdiction K1_E1 = new Jurisdiction("Sichuan", "Mianyang", "510781", "91510781MA6CXXXX01");
    private static final Scope.Columns COLUMNS = new Scope.Columns("c.province", "c.city", "h.countyCode", "h.enterpriseCreditCode");

    @Test
    void anExpertSeesItsAssignedEnterprisesAndTheCountyOfItsTokenNotItsProvince() {
        Scope bare = Scope.of(Set.of(Roles.EXPERT), "Sichuan", null, null, null, Set.of());
        assertThat(bare.nothing()).isTrue();
        assertThat(bare.allows(K1_E1)).isFalse();
        assertThat(bare.where(COLUMNS).expression()).isEqualTo("(1 = 0)");

        Scope assigned = Scope.of(Set.of(Roles.EXPERT), null, null, null, null, Set.of(K1_E1.creditCode()));
        assertThat(assigned.allows(K1_E1)).isTrue();
        assertThat(assigned.allows(K1_E1.ofEnterprise("91510781MA6CXXXX02"))).isFalse();
        assertThat(assigned.allows(Jurisdiction.ofCounty("Sichuan", "Mianyang", "510781"))).as("a county row has no enterprise").isFalse();
        assertThat(assigned.where(COLUMNS).expression()).isEqualTo("(h.enterpriseCreditCode in :scopeEnterprises)");

        Scope county = Scope.of(Set.of(Roles.EXPERT), null, null, "510781", null, Set.of());
        assertThat(county.allows(Jurisdiction.ofCounty(null, null, "510781"))).isTrue();
    }

    @Test
    void aCityGrantMatchesTheProvinceWhenTheTokenNamesOne() {
        Scope withProvince = Scope.of(Set.of(Roles.CITY_REGULATOR), "Sichuan", "Mianyang", null, null, Set.of());
        assertThat(withProvince.allows(K1_E1)).isTrue();
        assertThat(withProvince.allows(new Jurisdiction("Yunnan", "Mianyang", "530000", null))).isFalse();
        Scope.Condition c = withProvince.where(COLUMNS);
        assertThat(c.expression()).isEqualTo("((c.city = :scopeCity0 and c.province = :scopeCity0Province))");
        assertThat(c.parameters()).containsEntry("scopeCity0", "Mianyang").containsEntry("scopeCity0Province", "Sichuan");

        Scope anyProvince = Scope.of(Set.of(Roles.CITY_REGULATOR), null, "Mianyang", null, null, Set.of());
        assertThat(anyProvince.allows(new Jurisdiction("Yunnan", "Mianyang", "530000", null))).isTrue();
    }

    @Test
    void rolesUniteAndMissingClaimsGrantNothing() {
        Scope two = Scope.of(Set.of(Roles.COUNTY_REGULATOR, Roles.ENTERPRISE), null, null, "510781", "91510781MA6CXXXX09", Set.of());
        assertThat(two.allows(new Jurisdiction("X", "Y", "999999", "91510781MA6CXXXX09"))).isTrue();
        assertThat(two.allows(Jurisdiction.ofCounty("X", "Y", "510781"))).isTrue();
        assertThat(two.where(new Scope.Columns("p", "c", "k", null)).expression()).as("rows without an enterprise").isEqualTo("(k in :scopeCounties)");

        assertThat(Scope.of(Set.of(Roles.PROVINCE_REGULATOR), null, "Mianyang", "510781", null, Set.of()).nothing()).isTrue();
        assertThat(Scope.of(Set.of(Roles.ENTERPRISE), null, null, null, null, Set.of()).nothing()).isTrue();
        assertThat(Scope.of(Set.of("NOBODY"), "Sichuan", null, null, null, Set.of()).nothing()).isTrue();
        assertThat(Scope.of(Set.of(Roles.AGENCY_SYSTEM), null, null, null, null, Set.of()).everything()).isTrue();
    }

    @Test
    void actingAsARegulatorUsesTheRegulatorGrantsAlone() {
        assertThat(Scope.ofRegulator(Set.of(Roles.AGENCY_SYSTEM), null, null, null).nothing()).isTrue();
        assertThat(Scope.ofRegulator(Set.of(Roles.EXPERT), null, null, "510781").nothing()).isTrue();
        assertThat(Scope.ofRegulator(Set.of(Roles.COUNTY_REGULATOR), null, null, "510781").allows(K1_E1)).isTrue();
        assertThat(Scope.ofRegulator(Set.of(Roles.ADMIN), null, null, null).everything()).isTrue();
    }
}
