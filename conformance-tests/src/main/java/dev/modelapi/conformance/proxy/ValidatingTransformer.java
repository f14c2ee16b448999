package dev.modelapi.conformance.proxy;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.modelapi.conformance.spec.Api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs after WireMock's proxy has the upstream's answer: judges the exchange, logs and records each violation,
 * adds {@link #HEADER}, and in strict mode answers 502 instead of an answer that breaks the contract. An upstream
 * that could not be asked becomes a gateway error in the API's shape.
 */
final class ValidatingTransformer implements ResponseTransformerV2 {

    /**
     * The violations of this exchange as a JSON array of {@code {operation, rule, pointer, problem}}, like Prism's
     * {@code sl-violations}; absent when there are none. Non-ASCII is escaped, and the list is cut at 8 KB.
     */
    static final String HEADER = "x-modelapi-violations";

    private static final int HEADER_LIMIT = 8 * 1024;
    private static final ObjectMapper ASCII_JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private final TrafficJudge judge = new TrafficJudge();
    private final ViolationLog log;
    private final Map<Api, String> upstreams;
    private final boolean strict;
    private final Consumer<String> logLines;

    /** Null when every exchange is judged afresh. */
    private final VerdictMemo memo;

    ValidatingTransformer(ViolationLog log, Map<Api, String> upstreams, boolean strict, boolean rememberVerdicts,
                          Consumer<String> logLines) {
        this.log = log;
        this.memo = rememberVerdicts ? new VerdictMemo() : null;
        this.upstreams = upstreams;
        this.strict = strict;
        this.logLines = logLines;
    }

    @Override
    public String getName() {
        return "modelapi-validating-proxy";
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        long started = System.nanoTime();
        Request request = serveEvent.getRequest();
        String path = Routes.pathOf(request.getUrl());
        Api api = Routes.apiOf(path);
        if (response.getHeaders().getHeader(GatewayErrors.HEADER).isPresent()) {
            return response; // the proxy's own answer (no upstream configured, body over the cap)
        }
        if (!response.isFromProxy() && GatewayErrors.isWireMockProxyFailure(response.getBodyAsString())) {
            GatewayErrors.GatewayError error = GatewayErrors.upstreamFailure(api, upstreams.get(api),
                    response.getBodyAsString());
            Violation failure = new Violation(api.key(), "-", error.kind(), "", new String(error.body(),
                    StandardCharsets.UTF_8), "an answer from the upstream", "none", request.getMethod().getName(),
                    path, -1);
            log.record(api, new TrafficJudge.Judgement(null, List.of(failure), Map.of()));
            logLines.accept("UPSTREAM " + api.key() + " " + request.getMethod().getName() + " " + path + ": "
                    + error.kind());
            return answer(response, error);
        }
        ForwardedExchange exchange = new ForwardedExchange(api, request.getMethod().getName(),
                Routes.specPath(api, path), query(request.getUrl()), request.getHeader("Content-Type"),
                request.getBody() == null ? new byte[0] : request.getBody(), response.getStatus(),
                contentType(response), response.getBody() == null ? new byte[0] : response.getBody());
        TrafficJudge.Judgement judgement = memo == null ? judge.judge(exchange) : memo.judge(exchange, judge::judge);
        log.record(api, judgement, System.nanoTime() - started);
        if (judgement.violations().isEmpty()) {
            return response;
        }
        judgement.violations().forEach(v -> logLines.accept(v.logLine()));
        boolean answerBroken = judgement.violations().stream().anyMatch(v -> !v.rule().equals(TrafficJudge.REQUEST_RULE));
        if (strict && answerBroken) {
            return withViolations(answer(response, GatewayErrors.invalidAnswer(api, judgement.violations())),
                    judgement.violations());
        }
        return withViolations(response, judgement.violations());
    }

    private static Response answer(Response original, GatewayErrors.GatewayError error) {
        HttpHeaders headers = new HttpHeaders(new HttpHeader("Content-Type", error.contentType()),
                new HttpHeader(GatewayErrors.HEADER, error.kind()));
        return Response.Builder.like(original).but().status(error.status()).headers(headers).body(error.body())
                .build();
    }

    private static Response withViolations(Response response, List<Violation> violations) {
        List<Map<String, String>> entries = new ArrayList<>();
        for (Violation v : violations) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("operation", v.operation());
            entry.put("rule", v.rule());
            entry.put("pointer", v.pointer());
            entry.put("problem", v.problem());
            entries.add(entry);
        }
        String value;
        try {
            value = ASCII_JSON.writeValueAsString(entries);
            while (value.length() > HEADER_LIMIT && entries.size() > 1) {
                entries.remove(entries.size() - 1);
                value = ASCII_JSON.writeValueAsString(entries);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Response.Builder.like(response).but()
                .headers(response.getHeaders().plus(new HttpHeader(HEADER, value))).build();
    }

    private static String contentType(Response response) {
        HttpHeader h = response.getHeaders().getHeader("Content-Type");
        return h.isPresent() ? h.firstValue() : null;
    }

    private static Map<String, List<String>> query(String url) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        int q = url.indexOf('?');
        if (q < 0) {
            return out;
        }
        for (String pair : url.substring(q + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }
}
