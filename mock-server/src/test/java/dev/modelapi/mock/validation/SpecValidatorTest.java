package dev.modelapi.mock.validation;

import dev.modelapi.spec.ModelApiSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The validator's verdicts, asked again (from the memo) and for requests that differ in one part only. */
class SpecValidatorTest {

    private static final String PATH = "/v0/Model/createModel";
    private static final String VALID = "{\"name\":\"a\",\"description\":\"d\",\"options\":{\"type\":\"code\","
            + "\"language\":\"python\"}}";
    private static final String MISSPELT = VALID.replace("\"description\"", "\"descripton\"");

    private final SpecValidator validator = SpecValidator.of(ModelApiSpec.DECTHINGS);

    private List<Violation> validate(String contentType, String body) {
        return validator.validateRequest("POST", PATH, contentType, body, Map.of());
    }

    @Test
    void theSameRequestGetsTheSameVerdictEveryTime() {
        List<Violation> first = validate("application/json", MISSPELT);
        assertThat(first).isNotEmpty();
        for (int i = 0; i < 3; i++) {
            assertThat(validate("application/json", MISSPELT)).isEqualTo(first);
            assertThat(validate("application/json", VALID)).isEmpty();
        }
    }

    @Test
    void requestsThatDifferInOnePartAreJudgedApart() {
        assertThat(validate("application/json", VALID)).isEmpty();
        assertThat(validate("application/json", VALID.replace("\"python\"", "\"cobol\""))).isNotEmpty();
        assertThat(validator.validateRequest("POST", "/v0/Model/getModels", "application/json", VALID, Map.of()))
                .isNotEmpty();
        assertThat(validate("text/plain", VALID)).isNotEmpty();
    }

    @Test
    void moreRequestsThanTheMemoHoldsAreStillJudged() {
        for (int i = 0; i < SpecValidator.MEMO_ENTRIES + 10; i++) {
            assertThat(validate("application/json", VALID.replace("\"a\"", "\"m" + i + "\""))).isEmpty();
        }
        assertThat(validate("application/json", MISSPELT)).isNotEmpty();
    }
}
