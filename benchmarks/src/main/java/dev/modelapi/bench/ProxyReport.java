package dev.modelapi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the "Validating proxy" section of BENCHMARKS.md from LoadBench runs with targets
 * {@code mock-no-journal,wiremock-proxy,proxy,proxy-fresh}: per run (closed loop, or a fixed offered rate, with N
 * connections), scenario and validating proxy (as shipped, or judging every exchange afresh) the direct, the
 * plain-WireMock-proxy (the hop alone, judging nothing) and that proxy's figures of the same run, the proxy's own
 * judging time, the throughput ratio and added p99 against the targets (added p99 ≤ 2 ms, throughput ≥ 0.5×
 * direct). Replaces the section between its markers, so the other sections stay
 * as {@link Report} wrote them.
 *
 * <p>Usage: ProxyReport run1.json[,run2.json…] BENCHMARKS.md "command lines" "machine line"
 */
public final class ProxyReport {

    static final String BEGIN = "<!-- proxy:begin -->";
    static final String END = "<!-- proxy:end -->";
    /** The validating proxy's LoadBench targets: as shipped ("memo" rows), and judging every exchange ("fresh"). */
    static final java.util.List<String> PROXIES = java.util.List.of("proxy", "proxy-fresh");

    public static void main(String[] args) throws Exception {
        Path md = Path.of(args[1]);
        String command = args.length > 2 ? args[2] : "";
        String machine = args.length > 3 ? args[3] : "";
        StringBuilder sb = new StringBuilder(BEGIN).append("\n## Validating proxy vs direct\n\n");
        sb.append("The validating proxy (`modelapi-conformance.jar proxy`, every exchange judged with the suite's rules)"
                + " in front of the mock, against the same mock called directly and behind WireMock's own proxy"
                + " judging nothing (the cost of the extra hop alone), in the same run and JVM, targets taking turns."
                + " Target: added p99 ≤ 2 ms, throughput ≥ 0.5× direct. A closed loop with 16 connections saturates"
                + " the machine: its throughput is the most a target serves (CPU per request), and its p99 is mostly"
                + " the queue the loop builds (16 requests always in flight, so latency is 16 ÷ throughput). The"
                + " latency a client pays is measured at a fixed offered rate below saturation (open load over 16"
                + " connections, latency counted from when each request was due, so a stall is charged in full) and"
                + " with 1 connection in a closed loop. \"Judging p99\" is the proxy's own time per exchange between the"
                + " upstream's answer and its verdict, from its report (`judging` in `/__admin/modelapi/violations`):"
                + " what it adds beyond the hop, without the machine's queueing and pauses. The proxy keeps its"
                + " verdicts (\"memo\" rows, as shipped): a request and answer identical to ones already judged get"
                + " the same verdict without being validated again, which is what repeated traffic costs; the"
                + " scenarios repeat one request, except createModel, whose every request and answer differ."
                + " \"fresh\" rows are the same proxy judging every exchange (`rememberVerdicts(false)`): what"
                + " traffic that never repeats itself costs.\n\n");
        sb.append("```\n").append(command).append('\n').append(machine).append("\n```\n\n");
        sb.append("| load | scenario | proxy | direct req/s | hop only req/s | proxied req/s | ratio | direct p99 ms |"
                + " hop only p99 ms | proxied p99 ms | added p99 ms | judging p99 ms | errors |\n"
                + "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        java.util.List<Integer> violations = new java.util.ArrayList<>();
        for (String file : args[0].split(",")) {
            JsonNode doc = new ObjectMapper().readTree(Path.of(file).toFile());
            violations.add(doc.path("proxyViolations").asInt(-1));
            Map<String, Map<String, JsonNode>> byTarget = new HashMap<>();
            java.util.List<String> order = new java.util.ArrayList<>();
            for (JsonNode row : doc.path("results")) {
                String scenario = row.path("scenario").asText();
                if (!order.contains(scenario)) {
                    order.add(scenario);
                }
                byTarget.computeIfAbsent(row.path("target").asText(), t -> new HashMap<>()).put(scenario, row);
            }
            for (String scenario : order) {
                JsonNode d = byTarget.getOrDefault("mock-no-journal", Map.of()).get(scenario);
                JsonNode h = byTarget.getOrDefault("wiremock-proxy", Map.of()).get(scenario);
                for (String variant : PROXIES) {
                    JsonNode p = byTarget.getOrDefault(variant, Map.of()).get(scenario);
                    if (d == null || p == null) {
                        continue;
                    }
                    sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %,.0f | %s | %,.0f | %.2f× | %.2f | %s"
                                    + " | %.2f | %+.2f | %.2f | %d |%n",
                            load(p), scenario, variant.equals("proxy") ? "memo" : "fresh", d.path("throughput").asDouble(),
                            h == null ? "-" : String.format(Locale.ROOT, "%,.0f", h.path("throughput").asDouble()),
                            p.path("throughput").asDouble(),
                            p.path("throughput").asDouble() / d.path("throughput").asDouble(), d.path("p99ms").asDouble(),
                            h == null ? "-" : String.format(Locale.ROOT, "%.2f", h.path("p99ms").asDouble()),
                            p.path("p99ms").asDouble(), p.path("p99ms").asDouble() - d.path("p99ms").asDouble(),
                            p.path("judgingP99Micros").asDouble() / 1e3,
                            d.path("errors").asLong() + p.path("errors").asLong()));
                }
            }
        }
        sb.append("\nViolations reported by the proxy during the runs: ").append(violations)
                .append(" (the mock conforms: anything else is a false positive).\n").append(END).append('\n');
        String text = Files.exists(md) ? Files.readString(md) : "# Benchmarks\n";
        int b = text.indexOf(BEGIN);
        int e = text.indexOf(END);
        text = b >= 0 && e > b ? text.substring(0, b) + sb + text.substring(e + END.length() + 1)
                : text + (text.endsWith("\n") ? "\n" : "\n\n") + sb;
        Files.writeString(md, text);
        System.out.println(sb);
    }

    /** "16 conn, closed loop" or "500 req/s over 16 conn". */
    static String load(JsonNode row) {
        int connections = row.path("connections").asInt();
        double rate = row.path("offeredRate").asDouble(0);
        return rate > 0 ? String.format(Locale.ROOT, "%,.0f req/s over %d conn", rate, connections)
                : connections + " conn, closed loop";
    }
}
