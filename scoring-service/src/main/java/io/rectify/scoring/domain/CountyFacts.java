package io.rectify.scoring.domain;

import java.util.List;

/**
 * Everything the rubric looks at for one county and period (scoring.md "Facts per county and period").
 *
 * @param enterprises          E: enterprises registered in the county
 * @param inspectedEnterprises I: of those, enterprises with at least one COMPLETED inspection in the period
 * @param hazards              H: the county's hazards reported in the period
 */
public record CountyFacts(String countyCode, String countyName, int period, long enterprises, long inspectedEnterprises,
                          List<HazardFact> hazards) {

    public CountyFacts {
        hazards = List.copyOf(hazards);
    }
}
