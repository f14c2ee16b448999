package dev.modelapi.conformance.suite;

import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * {@code mvn verify} runs the conformance suite itself through this class: by default against the embedded mock,
 * or against a deployment given with {@code -Dconformance.decthingsUrl=…} / {@code -Dconformance.piecesUrl=…} (and the
 * other {@code conformance.*} switches). Reports go to {@code target/conformance-reports}.
 */
@Suite
@SuiteDisplayName("Model API conformance (mvn verify)")
@SelectClasses(ConformanceSuite.class)
class ConformanceSuiteTest {
}
