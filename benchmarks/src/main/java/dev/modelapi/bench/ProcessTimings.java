package dev.modelapi.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Subprocess timings.
 *
 * <ul>
 *   <li>{@code coldstart OUT.json MOCK_JAR RUNS}: {@code java -jar MOCK_JAR --port 0}, from process start to the
 *       first 200 of {@code GET /.well-known/health} (also: to the printed URL line); median of RUNS.</li>
 *   <li>{@code conformance OUT.json SUITE_JAR RUNS}: {@code java -jar SUITE_JAR} (no URL: embedded mock), wall
 *       time to exit, exit code, last lines of output.</li>
 * </ul>
 */
public final class ProcessTimings {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern URL_LINE = Pattern.compile("Pieces: (http://127\\.0\\.0\\.1:\\d+)");

    public static void main(String[] args) throws Exception {
        String what = args[0];
        Path out = Path.of(args[1]);
        String jar = args[2];
        int runs = Integer.parseInt(args[3]);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ObjectNode doc = JSON.createObjectNode();
        doc.put("jar", jar);
        ArrayNode rows = doc.putArray("runs");
        if (!Files.isRegularFile(Path.of(jar))) {
            doc.put("missing", true);
            System.out.println(jar + " does not exist");
        } else if (what.equals("coldstart")) {
            double[] health = new double[runs];
            for (int i = 0; i < runs; i++) {
                ObjectNode row = rows.addObject();
                coldStart(java, jar, row);
                health[i] = row.path("healthMs").asDouble(Double.NaN);
                System.out.println("cold start " + (i + 1) + ": " + row);
            }
            doc.put("medianHealthMs", median(health));
        } else {
            double[] wall = new double[runs];
            for (int i = 0; i < runs; i++) {
                ObjectNode row = rows.addObject();
                List<String> cmd = List.of(java, "-jar", Path.of(jar).toAbsolutePath().toString());
                // The suite writes conformance-reports/ into its working directory: keep it out of the repo root.
                Path cwd = out.toAbsolutePath().resolveSibling("conformance-cwd");
                Files.createDirectories(cwd);
                long t0 = System.nanoTime();
                Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).start();
                List<String> lines = new ArrayList<>();
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        lines.add(line);
                    }
                }
                boolean done = p.waitFor(10, TimeUnit.MINUTES);
                wall[i] = (System.nanoTime() - t0) / 1e6;
                row.put("wallMs", wall[i]);
                row.put("exitCode", done ? p.exitValue() : -1);
                row.put("outputLines", lines.size());
                row.put("tail", String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
                Files.write(out.resolveSibling("conformance-run-" + (i + 1) + ".log"), lines);
                System.out.printf("conformance %d: %.0f ms, exit %d%n", i + 1, wall[i], row.get("exitCode").asInt());
            }
            doc.put("medianWallMs", median(wall));
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), doc);
    }

    static void coldStart(String java, String jar, ObjectNode row) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(java, "-jar", jar, "--port", "0").redirectErrorStream(true).start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            String base = null;
            while ((line = r.readLine()) != null) {
                Matcher m = URL_LINE.matcher(line);
                if (m.find()) {
                    base = m.group(1);
                    break;
                }
            }
            if (base == null) {
                row.put("error", "no URL line");
                return;
            }
            row.put("urlLineMs", (System.nanoTime() - t0) / 1e6);
            URL health = new URL(base + "/.well-known/health");
            while (System.nanoTime() - t0 < 30_000_000_000L) {
                try {
                    HttpURLConnection c = (HttpURLConnection) health.openConnection();
                    c.setConnectTimeout(1000);
                    c.setReadTimeout(5000);
                    int code = c.getResponseCode();
                    c.getInputStream().readAllBytes();
                    if (code == 200) {
                        row.put("healthMs", (System.nanoTime() - t0) / 1e6);
                        return;
                    }
                } catch (java.io.IOException e) {
                    Thread.sleep(5);
                }
            }
            row.put("error", "no 200 within 30 s");
        } finally {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
