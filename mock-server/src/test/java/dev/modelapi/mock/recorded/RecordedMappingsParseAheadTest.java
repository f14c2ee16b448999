package dev.modelapi.mock.recorded;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.modelapi.mock.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Stubs parsed ahead (the start's warm-up thread) are handed out once; every other call gets freshly parsed ones. */
class RecordedMappingsParseAheadTest {

    @Test
    void theSetParsedAheadGoesToTheFirstCallOnlyAndEqualsAFreshParse() {
        RecordedMappings mappings = RecordedMappings.read();
        mappings.parseAhead();
        List<StubMapping> first = mappings.stubsFor(Mode.SIMULATE);
        List<StubMapping> second = mappings.stubsFor(Mode.SIMULATE);
        assertThat(first).hasSizeGreaterThan(500).hasSameSizeAs(second);
        for (int i = 0; i < first.size(); i++) {
            assertThat(first.get(i)).isNotSameAs(second.get(i));                  // fresh objects: WireMock keeps state
            assertThat(first.get(i).getId()).isEqualTo(second.get(i).getId());
        }
        mappings.parseAhead();                                                     // too late: parses nothing
        assertThat(mappings.stubsFor(Mode.RECORDED)).hasSizeGreaterThan(first.size());
    }

    @Test
    @Timeout(60)    // a set announced but never parsed would make the next call wait forever
    void aCallBeforeParsingAheadParsesItselfAndNoLaterCallWaits() {
        RecordedMappings mappings = RecordedMappings.read();
        List<StubMapping> first = mappings.stubsFor(Mode.SIMULATE);
        mappings.parseAhead();
        assertThat(mappings.stubsFor(Mode.SIMULATE)).hasSameSizeAs(first);
    }
}
