package io.rectify.notification.service;

import io.rectify.notification.domain.RecipientLevel;
import io.rectify.platform.security.Caller;
import io.rectify.platform.security.Scope;

import java.util.Map;

/**
 * A caller's data scope ({@link Scope}, the one definition in platform) as a JPQL condition over an
 * entity with {@code province}, {@code city}, {@code countyCode} and {@code enterpriseCreditCode}; single
 * reads use the same condition, so a list holds exactly the records a single read would show.
 *
 * @param clause a parenthesised condition using the alias given
 * @param params its named parameters
 */
public record ScopeFilter(String clause, Map<String, Object> params) {

    /** How an ENTERPRISE caller is matched: as the enterprise a record is about, or as its recipient. */
    public enum EnterpriseRule { ABOUT_ENTERPRISE, ADDRESSED_TO_ENTERPRISE }

    public static ScopeFilter of(Caller caller, String alias, EnterpriseRule enterpriseRule) {
        String enterprise = enterpriseRule == EnterpriseRule.ABOUT_ENTERPRISE
                ? alias + ".enterpriseCreditCode"
                // an enterprise reads the notifications addressed to it, not those about it sent up the ladder
                : "(case when " + alias + ".level = " + RecipientLevel.class.getName() + ".ENTERPRISE then " + alias + ".recipientRef end)";
        Scope.Condition where = caller.scope().where(new Scope.Columns(alias + ".province", alias + ".city", alias + ".countyCode", enterprise));
        return new ScopeFilter(where.expression(), where.parameters());
    }
}
