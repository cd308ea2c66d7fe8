package io.rectify.platform.api;

import io.rectify.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one paging rule: bounded page and size, a long offset, an empty page past the end. */
class PageRequestTest {

    private static PageRequest raw(String page, String size) {
        PageRequest p = new PageRequest();
        p.pageValue = page;
        p.sizeValue = size;
        return p;
    }

    @Test
    void defaultsAreTheFirstPageOfFifty() {
        PageRequest p = raw(null, null);
        assertThat(p.page()).isZero();
        assertThat(p.size()).isEqualTo(50);
        assertThat(p.offset()).isZero();
    }

    @Test
    void theOffsetIsALongSoTheLastIntPageDoesNotOverflow() {
        PageRequest last = raw("2147483647", "500");
        assertThat(last.offset()).isEqualTo(2147483647L * 500).isPositive();
        assertThat(last.slice(List.of(1, 2, 3)).items()).isEmpty();
        assertThat(last.slice(List.of(1, 2, 3)).total()).isEqualTo(3);
        assertThat(last.slice(List.of(1, 2, 3)).page()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void sliceCutsAPageOutOfAList() {
        List<Integer> all = IntStream.range(0, 7).boxed().toList();
        assertThat(PageRequest.of(0, 3).slice(all).items()).containsExactly(0, 1, 2);
        assertThat(PageRequest.of(2, 3).slice(all).items()).containsExactly(6);
        assertThat(PageRequest.of(3, 3).slice(all).items()).isEmpty();
    }

    @Test
    void outOfBoundsOrUnreadableValuesAre422NamingTheParameter() {
        for (String[] bad : new String[][]{{"-1", "50", "page"}, {"2147483648", "50", "page"}, {"x", "50", "page"},
                {"9223372036854775807", "50", "page"}, {"0", "0", "size"}, {"0", "501", "size"}, {"0", "1e309", "size"},
                {"0", "NaN", "size"}, {"0", "-1", "size"}}) {
            PageRequest p = raw(bad[0], bad[1]);
            assertThatThrownBy(() -> p.result(List.of(), 0)).as(String.join(",", bad))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.problem().status()).isEqualTo(422);
                        assertThat(e.problem().errors().get(0).field()).isEqualTo(bad[2]);
                    });
        }
    }
}
