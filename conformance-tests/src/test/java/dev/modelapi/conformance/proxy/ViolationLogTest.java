package dev.modelapi.conformance.proxy;

import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.SpecCatalog;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A proxy left in front of a broken server keeps a bounded log, and still counts everything. */
class ViolationLogTest {

    @Test
    void beyondTheCapViolationsAreCountedNotKept() {
        ViolationLog log = new ViolationLog(java.util.Set.of(Api.PIECES));
        var op = SpecCatalog.of(Api.PIECES).operation("modelsSnapshot");
        int total = ViolationLog.KEPT + 5;
        for (int i = 0; i < total; i++) {
            Violation v = new Violation("pieces", op.id(), "content-type", "", "problem " + i, "json", "html", "GET",
                    "/models", 200);
            log.record(Api.PIECES, new TrafficJudge.Judgement(op, List.of(v), Map.of(CheckId.CONTENT_TYPE, true)));
        }

        assertThat(log.violationCount()).isEqualTo(total);
        assertThat(log.violations()).hasSize(ViolationLog.KEPT);
        assertThat(log.violations().get(0).problem()).isEqualTo("problem 0");
        assertThat(log.results().cells()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo("FAILED");
            assertThat(c.findings()).hasSize(ViolationLog.KEPT_PER_CELL);
        });
        assertThat(log.violationsJson()).contains("\"violationCount\" : " + total);
    }
}
