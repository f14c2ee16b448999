def log = new File(basedir, 'build.log').text
assert log.contains("mode must be simulate or recorded, got 'replay'")
assert !log.contains('at dev.modelapi') : 'a stack trace was printed'
return true
