package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The services' clock reads UTC in whole microseconds, the precision PostgreSQL keeps. */
class ClockTest {

    @Test
    void the_wired_clock_ticks_in_whole_microseconds() {
        Clock clock = new UseCaseFactory().clock();
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(Stream.generate(clock::instant).limit(1000).map(Instant::getNano))
                .allSatisfy(nanos -> assertThat(nanos % 1000).isZero());
    }
}
