package dev.modelapi.conformance.report;

import dev.modelapi.conformance.spec.Api;

import java.util.List;
import java.util.Locale;

/**
 * JUnit XML (the Ant/Surefire format CI servers read): one {@code <testsuite>} per API, one {@code <testcase>} per
 * operation × check with {@code classname} {@code <api>.<operation>} and {@code name} the check.
 */
public final class JUnitXmlReport {

    private JUnitXmlReport() {
    }

    public static String render(Api api, ResultsFile results) {
        List<ResultsFile.Cell> cells = results.cells().stream().filter(c -> c.api().equals(api.key())).toList();
        long failures = cells.stream().filter(c -> c.status().equals(OutcomeStatus.FAILED.name())).count();
        long skipped = cells.stream().filter(c -> c.status().equals(OutcomeStatus.SKIPPED.name())).count();
        double seconds = cells.stream().mapToLong(ResultsFile.Cell::millis).sum() / 1000.0;
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append(String.format(Locale.ROOT,
                "<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"%d\" time=\"%.3f\""
                        + " timestamp=\"%s\">%n", esc("conformance." + api.key()), cells.size(), failures, skipped,
                seconds, esc(results.started())));
        xml.append("  <properties>\n");
        xml.append("    <property name=\"api\" value=\"").append(esc(api.title())).append("\"/>\n");
        results.targets().stream().filter(t -> t.api().equals(api.key())).forEach(t ->
                xml.append("    <property name=\"target\" value=\"").append(esc(t.url()))
                        .append(t.embedded() ? " (embedded mock)" : "").append("\"/>\n"));
        xml.append("    <property name=\"configuration\" value=\"").append(esc(results.configuration())).append("\"/>\n");
        xml.append("  </properties>\n");
        for (ResultsFile.Cell c : cells) {
            xml.append(String.format(Locale.ROOT, "  <testcase classname=\"%s\" name=\"%s\" time=\"%.3f\"",
                    esc(api.key() + "." + c.operation()), esc(c.check()), c.millis() / 1000.0));
            OutcomeStatus status = OutcomeStatus.valueOf(c.status());
            if (status == OutcomeStatus.PASSED) {
                xml.append("/>\n");
                continue;
            }
            xml.append(">\n");
            String firstLine = c.message() == null ? "" : c.message().lines().findFirst().orElse("");
            if (status == OutcomeStatus.FAILED) {
                xml.append("    <failure message=\"").append(esc(firstLine)).append("\" type=\"")
                        .append(esc(c.check())).append("\">").append(esc(c.message())).append("</failure>\n");
            } else {
                xml.append("    <skipped message=\"").append(esc(firstLine)).append("\"/>\n");
            }
            xml.append("  </testcase>\n");
        }
        xml.append("</testsuite>\n");
        return xml.toString();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t') {
                        sb.append('?');
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.toString();
    }
}
