package io.rectify.scoring.rest;

import io.rectify.platform.security.Caller;
import io.rectify.platform.security.Roles;
import io.rectify.scoring.service.CountyDirectory;
import io.rectify.scoring.service.CountyRef;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * Who may read which county's index. Regulators, experts, agency systems and ADMIN: {@link Caller#canSee}
 * with the county's jurisdiction. ENTERPRISE: only the county its enterprise (the token's
 * {@code creditCode}) is registered in, as the facts know it; an enterprise the facts do not know
 * sees no county.
 */
@RequestScoped
public class CountyAccess {

    @Inject
    Caller caller;

    @Inject
    CountyDirectory directory;

    private Optional<String> enterpriseCounty;

    public boolean canRead(CountyRef county) {
        if (caller.canSee(county.jurisdiction())) {
            return true;
        }
        return caller.is(Roles.ENTERPRISE) && ownCounty().filter(county.code()::equals).isPresent()
                && caller.canSee(county.jurisdiction().ofEnterprise(caller.creditCode()));
    }

    /**
     * The same rule as a predicate that no longer needs the request (for the SSE stream, whose items
     * arrive after the request scope): the set of counties readable when the stream was opened.
     */
    public Predicate<String> readableCountyCodes() {
        if (caller.seesEverything()) {
            return code -> true;
        }
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (CountyRef county : directory.all()) {
            if (canRead(county)) {
                codes.add(county.code());
            }
        }
        return codes::contains;
    }

    private Optional<String> ownCounty() {
        if (enterpriseCounty == null) {
            String creditCode = caller.creditCode();
            enterpriseCounty = creditCode == null ? Optional.empty() : directory.countyOfEnterprise(creditCode);
        }
        return enterpriseCounty;
    }
}
