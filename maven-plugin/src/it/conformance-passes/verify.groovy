// The suite ran against the started mock (both APIs), passed, wrote its reports, and the key never reached the log.
def log = new File(basedir, 'build.log').text
def reports = new File(basedir, 'target/conformance-reports')

assert log =~ /modelapi\.decthings\.url = http:\/\/127\.0\.0\.1:\d+\/v0/
assert log =~ /\d+ passed, 0 failed/
assert log.contains('Model API mock stopped')
assert !log.contains('it-secret-key') : 'the API key was logged'
assert new File(reports, 'conformance-report.html').isFile()
assert new File(reports, 'conformance-results.json').isFile()
assert new File(reports, 'junit').listFiles().any { it.name.endsWith('.xml') }
return true
