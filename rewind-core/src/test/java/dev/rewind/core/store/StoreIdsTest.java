package dev.rewind.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoreIdsTest {

    private static final String SUFFIX = "[0-9a-hjkmnp-tv-z]{4}";

    @Test
    void idsHaveATypePrefixAUtcStampAndFourBase32Characters() {
        assertThat(Ids.release()).matches("rel-\\d{8}-\\d{6}-" + SUFFIX);
        assertThat(Ids.backup()).matches("bak-\\d{8}-\\d{6}-" + SUFFIX);
        assertThat(Ids.run()).matches("run-\\d{8}-\\d{6}-" + SUFFIX);
        assertThat(Ids.decision()).matches("dec-\\d{8}-\\d{6}-" + SUFFIX);
        assertThat(Ids.hold()).matches("hold-\\d{8}-\\d{6}-" + SUFFIX);
        assertThat(Ids.event()).matches("evt-\\d{8}-\\d{6}-" + SUFFIX);
    }

    @Test
    void theStampIsTheCurrentUtcTime() {
        String id = Ids.run();
        Instant stamp = LocalDateTime.parse(id.substring(4, 19), DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                .toInstant(ZoneOffset.UTC);
        assertThat(Duration.between(stamp, Instant.now()).abs()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void idsFromOneProcessAreUniqueAndIncreasing() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ids.add(Ids.event());
        }
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        assertThat(ids).isSorted();
    }

    @Test
    void aClockGoingBackDoesNotMakeAnEarlierId() {
        String now = Ids.next("run", Instant.now());
        String earlier = Ids.next("run", Instant.now().minus(Duration.ofHours(1)));
        assertThat(earlier).isGreaterThan(now);
    }
}
