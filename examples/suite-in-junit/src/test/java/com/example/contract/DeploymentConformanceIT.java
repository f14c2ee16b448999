package com.example.contract;

import dev.modelapi.conformance.suite.ConformanceSuite;
import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

// README:suite-class:begin
/**
 * The kit's conformance suite as one of this project's tests: one JUnit test per operation × check. The target comes
 * from the conformance.* system properties (failsafe's systemPropertyVariables); fixed settings can be configuration
 * parameters here.
 */
@Suite
@SuiteDisplayName("Our deployment keeps the Model API contract")
@SelectClasses(ConformanceSuite.class)
@ConfigurationParameter(key = "conformance.seed", value = "7")
@ConfigurationParameter(key = "conformance.timeoutSeconds", value = "10")
class DeploymentConformanceIT {
}
// README:suite-class:end
