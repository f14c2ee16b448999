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

    @Test
    void theTimeSpentPerExchangeIsReportedAsPercentilesAndClearedWithTheLog() {
        ViolationLog log = new ViolationLog(java.util.Set.of(Api.PIECES));
        var op = SpecCatalog.of(Api.PIECES).operation("modelsSnapshot");
        TrafficJudge.Judgement clean = new TrafficJudge.Judgement(op, List.of(), Map.of(CheckId.CONTENT_TYPE, false));
        for (int i = 1; i <= 100; i++) {
            log.record(Api.PIECES, clean, i * 1_000L);  // 1 µs … 100 µs
        }
        log.record(Api.PIECES, clean);                   // not timed (an upstream failure)

        ViolationLog.JudgingTime time = log.judgingTime();
        assertThat(time.exchanges()).isEqualTo(100);
        assertThat(time.p50Micros()).isBetween(49.9, 50.1);
        assertThat(time.p99Micros()).isBetween(98.9, 99.1);
        assertThat(time.maxMicros()).isBetween(99.9, 100.1);
        assertThat(log.exchanges()).isEqualTo(101);
        assertThat(log.violationsJson()).contains("\"judging\" : {").contains("\"p99Micros\" : 99.");

        log.clear();
        assertThat(log.judgingTime().exchanges()).isZero();
    }
}
