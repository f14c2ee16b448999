package dev.modelapi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the "Validating proxy" section of BENCHMARKS.md from a LoadBench run with targets
 * {@code mock-no-journal,proxy}: per scenario the direct and the proxied figures of the same run, the added p99 and
 * the throughput ratio against the targets (added p99 ≤ 2 ms, throughput ≥ 0.5× direct). Replaces the section
 * between its markers, so the other sections stay as {@link Report} wrote them.
 *
 * <p>Usage: ProxyReport proxy.json BENCHMARKS.md "command line" "machine line"
 */
public final class ProxyReport {

    static final String BEGIN = "<!-- proxy:begin -->";
    static final String END = "<!-- proxy:end -->";

    public static void main(String[] args) throws Exception {
        JsonNode doc = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        Path md = Path.of(args[1]);
        String command = args.length > 2 ? args[2] : "";
        String machine = args.length > 3 ? args[3] : "";
        Map<String, JsonNode> direct = new HashMap<>();
        Map<String, JsonNode> proxied = new HashMap<>();
        java.util.List<String> order = new java.util.ArrayList<>();
        for (JsonNode row : doc.path("results")) {
            String scenario = row.path("scenario").asText();
            if (!order.contains(scenario)) {
                order.add(scenario);
            }
            (row.path("target").asText().equals("proxy") ? proxied : direct).put(scenario, row);
        }
        StringBuilder sb = new StringBuilder(BEGIN).append("\n## Validating proxy vs direct\n\n");
        sb.append("The validating proxy (`modelapi-conformance.jar proxy`, every exchange judged with the suite's rules)"
                + " in front of the mock, against the same mock called directly, in the same run and JVM, targets"
                + " taking turns. Target: added p99 ≤ 2 ms, throughput ≥ 0.5× direct.\n\n");
        sb.append("```\n").append(command).append('\n').append(machine).append("\n```\n\n");
        sb.append("| scenario | direct req/s | proxied req/s | ratio | direct p99 ms | proxied p99 ms | added p99 ms |"
                + " errors |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String scenario : order) {
            JsonNode d = direct.get(scenario);
            JsonNode p = proxied.get(scenario);
            if (d == null || p == null) {
                continue;
            }
            sb.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %.2f× | %.2f | %.2f | %+.2f | %d |%n", scenario,
                    d.path("throughput").asDouble(), p.path("throughput").asDouble(),
                    p.path("throughput").asDouble() / d.path("throughput").asDouble(), d.path("p99ms").asDouble(),
                    p.path("p99ms").asDouble(), p.path("p99ms").asDouble() - d.path("p99ms").asDouble(),
                    d.path("errors").asLong() + p.path("errors").asLong()));
        }
        sb.append("\nViolations reported by the proxy during the run: ").append(doc.path("proxyViolations").asInt(-1))
                .append(" (the mock conforms: anything else is a false positive).\n").append(END).append('\n');
        String text = Files.exists(md) ? Files.readString(md) : "# Benchmarks\n";
        int b = text.indexOf(BEGIN);
        int e = text.indexOf(END);
        text = b >= 0 && e > b ? text.substring(0, b) + sb + text.substring(e + END.length() + 1)
                : text + (text.endsWith("\n") ? "\n" : "\n\n") + sb;
        Files.writeString(md, text);
        System.out.println(sb);
    }
}
