package dev.modelapi.conformance.proxy;

import dev.modelapi.conformance.spec.Api;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** A repeated exchange gets the verdict an identical one got, and only an identical one. */
class VerdictMemoTest {

    private final TrafficJudge judge = new TrafficJudge();
    private final AtomicInteger judged = new AtomicInteger();
    private final Function<ForwardedExchange, TrafficJudge.Judgement> counting = x -> {
        judged.incrementAndGet();
        return judge.judge(x);
    };

    @Test
    void anIdenticalExchangeIsNotJudgedAgainAndGetsTheSameVerdict() {
        VerdictMemo memo = new VerdictMemo();
        TrafficJudge.Judgement first = memo.judge(modelAnswer("text/html", "<html>not json</html>"), counting);
        // equal arrays, not the same ones: the key compares contents
        TrafficJudge.Judgement again = memo.judge(modelAnswer("text/html", "<html>not json</html>"), counting);

        assertThat(judged).hasValue(1);
        assertThat(again).isSameAs(first);
        assertThat(first.violations()).extracting(Violation::rule).contains("content-type");
        assertThat(first).isEqualTo(new TrafficJudge().judge(modelAnswer("text/html", "<html>not json</html>")));
    }

    @Test
    void aDifferentBodyOrContentTypeIsJudgedAfresh() {
        VerdictMemo memo = new VerdictMemo();
        TrafficJudge.Judgement html = memo.judge(modelAnswer("text/html", "{\"id\":\"m\"}"), counting);
        TrafficJudge.Judgement json = memo.judge(modelAnswer("application/json", "{\"id\":\"m\"}"), counting);
        TrafficJudge.Judgement other = memo.judge(modelAnswer("application/json", "{\"id\":\"n\"}"), counting);

        assertThat(judged).hasValue(3);
        assertThat(html.violations()).extracting(Violation::rule).contains("content-type");
        assertThat(json.violations()).extracting(Violation::rule).doesNotContain("content-type");
        assertThat(other).isNotSameAs(json);
        assertThat(memo.size()).isEqualTo(3);
    }

    @Test
    void largeExchangesAreNotKeptAndTheMemoEmptiesItselfAtItsBudget() {
        VerdictMemo memo = new VerdictMemo();
        TrafficJudge.Judgement none = new TrafficJudge.Judgement(null, List.of(), Map.of());
        Function<ForwardedExchange, TrafficJudge.Judgement> stub = x -> {
            judged.incrementAndGet();
            return none;
        };
        String large = "x".repeat(VerdictMemo.MAX_EXCHANGE_BYTES + 1);
        memo.judge(modelAnswer("application/json", large), stub);
        memo.judge(modelAnswer("application/json", large), stub);
        assertThat(judged).hasValue(2);
        assertThat(memo.size()).isZero();

        int each = VerdictMemo.MAX_EXCHANGE_BYTES / 2;
        long fit = VerdictMemo.BUDGET_BYTES / each;
        for (int i = 0; i < fit; i++) {
            memo.judge(modelAnswer("application/json", String.format("%0" + each + "d", i)), stub);
        }
        assertThat(memo.size()).isEqualTo((int) fit);
        memo.judge(modelAnswer("application/json", String.format("%0" + each + "d", fit)), stub);
        assertThat(memo.size()).isEqualTo(1);
    }

    /** A Pieces {@code GET /model/m} answered with this Content-Type and body. */
    private static ForwardedExchange modelAnswer(String contentType, String body) {
        return new ForwardedExchange(Api.PIECES, "GET", "/model/m", Map.of(), null, new byte[0], 200, contentType,
                body.getBytes(StandardCharsets.UTF_8));
    }
}
