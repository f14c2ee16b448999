// Specmatic 2.55 with the kit's spec (spec/README.md, "Peer tools"):
//  1. the contract tests Specmatic generates from the Pieces spec's named examples all pass against the mock in
//     `recorded` mode (each answer from the spec's examples, as Specmatic's own stub answers);
//  2. against the default, stateful simulation they all pass except the repeated delete: Specmatic sends the
//     `success` delete once per security alternative, and only the first can find the model (PiecesOS answers the
//     second "model was not found" too). The first delete must pass;
//  3. the Decthings limitations still hold (spec/peer-tools/specmatic-limitations.yaml); when Specmatic reads that
//     file correctly this fails, so that spec/README.md stops documenting a limitation that is gone.
import { join } from 'node:path';
import { bin, finish, logDir, specDir, start, startMock } from './processes.mjs';

const pieces = join(specDir, 'openapi', 'pieces-model-api.yaml');
const repeatedDelete = 'POST /models/(model:string)/delete -> 204';
const failures = [];

const recorded = await contractTests('recorded');
if (recorded.failed.length || !recorded.passed.length) failures.push(`recorded mode: ${recorded.summary}`);

const simulated = await contractTests('simulate');
const unexpected = simulated.failed.filter((scenario) => !scenario.startsWith(repeatedDelete));
if (unexpected.length) failures.push(...unexpected.map((scenario) => `simulate mode: ${scenario}`));
if (!simulated.passed.some((scenario) => scenario.startsWith(repeatedDelete))) {
  failures.push(`simulate mode: the first ${repeatedDelete} did not pass`);
}
console.log(`specmatic pieces, simulate mode: the failures are the ` +
  `${simulated.failed.length} repeat(s) of the delete of one model, as expected`);

await checkDecthingsLimitationsStillHold();
finish('specmatic', failures);

async function contractTests(mode) {
  const mock = await startMock(`mock-for-specmatic-${mode}`, ['--mode', mode]);
  const run = start(`specmatic-test-pieces-${mode}`, bin('specmatic'), ['test', pieces, '--testBaseURL', mock.url],
    { cwd: logDir }); // Specmatic writes its reports under build/ of its working directory
  await run.done;
  mock.child.kill('SIGTERM');
  const scenarios = [...run.output.matchAll(/^Scenario: (.*) has (SUCCEEDED|FAILED)$/gm)];
  const summary = run.output.match(/Tests run: .*/)?.[0] ?? `no summary (see ${run.logFile})`;
  console.log(`specmatic pieces, ${mode} mode: ${summary}`);
  return {
    summary,
    passed: scenarios.filter((s) => s[2] === 'SUCCEEDED').map((s) => s[1]),
    failed: scenarios.filter((s) => s[2] === 'FAILED').map((s) => s[1]),
  };
}

async function checkDecthingsLimitationsStillHold() {
  const run = start('specmatic-limitations', bin('specmatic'),
    ['examples', 'validate', '--examples-to-validate', 'INLINE',
      '--spec-file', join(specDir, 'peer-tools', 'specmatic-limitations.yaml')], { cwd: logDir });
  await run.done;
  const limitations = {
    'a 3.0 exclusive bound read as >= 1': /expected type number >= 1 but example contained value 0\.5/,
    'only the first key of a many-to-one discriminator mapping': /discriminator property to be first_key but it was second_key/,
  };
  for (const [limitation, symptom] of Object.entries(limitations)) {
    if (symptom.test(run.output)) console.log(`specmatic limitation still present: ${limitation}`);
    else failures.push(`Specmatic no longer shows "${limitation}" (${run.logFile}): update spec/README.md, Peer tools`);
  }
}
