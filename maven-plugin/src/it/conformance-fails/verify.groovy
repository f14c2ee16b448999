// The build failed because of the suite's verdict (not a crash), the failed check is named, the reports exist.
def log = new File(basedir, 'build.log').text
def reports = new File(basedir, 'target/conformance-reports')

assert log.contains('The conformance suite found failed checks')
assert log.contains('response-schema')
assert log.contains('GET /models') || log.contains('modelsSnapshot')
assert log =~ /\d+ passed, [1-9]\d* failed/
assert log.contains('Model API mock stopped (the build fails here)')
assert new File(reports, 'conformance-report.html').isFile()
return true
