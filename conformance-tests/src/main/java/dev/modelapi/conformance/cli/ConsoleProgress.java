package dev.modelapi.conformance.cli;

import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.suite.ConformanceSuite;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Prints progress while the suite runs: a heading per API, then one line per operation once its checks are done,
 * naming the checks that failed. Also remembers a failure of the suite itself (e.g. the target could not be started).
 */
final class ConsoleProgress implements TestExecutionListener {

    private final PrintStream out;
    private TestPlan plan;
    private int passed;
    private int failed;
    private int skipped;
    private final List<String> failedChecks = new ArrayList<>();
    private String suiteError;

    ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (id.isContainer() && isApi(id.getDisplayName())) {
            out.println();
            out.println("== " + id.getDisplayName() + " ==");
        } else if (id.isContainer() && parentIsApi(id)) {
            passed = 0;
            failed = 0;
            skipped = 0;
            failedChecks.clear();
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (id.isTest()) {
            skipped++;
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.isTest()) {
            switch (result.getStatus()) {
                case SUCCESSFUL -> passed++;
                case ABORTED -> skipped++;
                case FAILED -> {
                    failed++;
                    String name = id.getDisplayName();
                    failedChecks.add(name.substring(name.indexOf('·') + 1).trim());
                }
            }
            return;
        }
        if (id.isContainer() && parentIsApi(id)) {
            out.println(String.format(Locale.ROOT, "  %-40s %3d passed %3d failed %3d skipped%s", id.getDisplayName(),
                    passed, failed, skipped, failedChecks.isEmpty() ? "" : "   FAILED: " + String.join(", ", failedChecks)));
            out.flush();
        } else if (result.getStatus() == TestExecutionResult.Status.FAILED && suiteError == null) {
            suiteError = result.getThrowable().map(ConsoleProgress::describe).orElse("the suite failed");
        }
    }

    Optional<String> suiteError() {
        return Optional.ofNullable(suiteError);
    }

    private boolean parentIsApi(TestIdentifier id) {
        return plan != null && plan.getParent(id).map(p -> isApi(p.getDisplayName())).orElse(false);
    }

    private static boolean isApi(String displayName) {
        for (Api api : Api.values()) {
            if (ConformanceSuite.containerName(api).equals(displayName)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder(String.valueOf(t.getMessage()));
        Throwable cause = t.getCause();
        while (cause != null && cause != t) {
            sb.append("\n  caused by: ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
            t = cause;
            cause = cause.getCause();
        }
        return sb.toString();
    }
}
