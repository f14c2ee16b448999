package dev.modelapi.mock.faults;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.modelapi.mock.http.Prefer;

import java.util.Map;
import java.util.Optional;

/**
 * {@code Prefer: fault=…} and {@code Prefer: delay=…}, implemented with WireMock's own faults and delays so that they
 * behave exactly like WireMock's.
 */
public final class Faults {

    /** Delays are capped so that a typo cannot hang a test run. */
    public static final long MAX_DELAY_MILLIS = 60_000;

    private static final Map<String, Fault> FAULTS = Map.of(
            "connection-reset", Fault.CONNECTION_RESET_BY_PEER,
            "empty-response", Fault.EMPTY_RESPONSE,
            "malformed-response", Fault.MALFORMED_RESPONSE_CHUNK);

    private Faults() {
    }

    /** The fault the client asked for, if it is one we know. */
    public static Optional<ResponseDefinition> fault(Prefer prefer) {
        return prefer.fault().map(FAULTS::get)
                .map(f -> ResponseDefinitionBuilder.responseDefinition().withFault(f).build());
    }

    /** The definition with the client's delay added (WireMock sleeps before answering). */
    public static ResponseDefinition withDelay(ResponseDefinition definition, Prefer prefer) {
        if (prefer.delayMillis().isEmpty() || prefer.delayMillis().getAsLong() == 0) {
            return definition;
        }
        int ms = (int) Math.min(MAX_DELAY_MILLIS, prefer.delayMillis().getAsLong());
        return ResponseDefinitionBuilder.like(definition).withFixedDelay(ms).build();
    }
}
