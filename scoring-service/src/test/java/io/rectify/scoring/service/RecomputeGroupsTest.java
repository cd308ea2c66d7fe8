package io.rectify.scoring.service;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@link CountyIndexService#recomputeAll} cuts the counties into groups: by count and by hazard facts. */
class RecomputeGroupsTest {

    private static List<String> codes(int n) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            codes.add(String.format("%06d", 510000 + i));
        }
        return codes;
    }

    @Test
    void smallCountiesGoTwentyToAGroupInCodeOrder() {
        List<String> codes = codes(45);
        List<List<String>> groups = CountyIndexService.groups(codes, Map.of());
        assertThat(groups).extracting(List::size).containsExactly(20, 20, 5);
        assertThat(groups.stream().flatMap(List::stream).toList()).isEqualTo(codes);
    }

    @Test
    void largeCountiesGoInGroupsOfAtMostTheFactLimit() {
        List<String> codes = codes(6);
        Map<String, Long> hazards = new HashMap<>();
        hazards.put(codes.get(0), 27_000L);
        hazards.put(codes.get(1), 27_000L); // with the first: 54,000 > 50,000
        hazards.put(codes.get(2), 10_000L); // with the second: 37,000
        hazards.put(codes.get(3), 80_000L); // alone, larger than the limit
        hazards.put(codes.get(4), 1L);
        List<List<String>> groups = CountyIndexService.groups(codes, hazards);
        assertThat(groups).containsExactly(List.of(codes.get(0)), List.of(codes.get(1), codes.get(2)), List.of(codes.get(3)),
                List.of(codes.get(4), codes.get(5)));
        for (List<String> group : groups) {
            long facts = group.stream().mapToLong(c -> hazards.getOrDefault(c, 0L)).sum();
            assertThat(group.size() == 1 || facts <= CountyIndexService.RECOMPUTE_ALL_HAZARDS).as(group.toString()).isTrue();
        }
    }

    @Test
    void noCountiesNoGroups() {
        assertThat(CountyIndexService.groups(List.of(), Map.of())).isEmpty();
    }
}
