// Prism 5.16 with the kit's spec (spec/README.md, "Peer tools"):
//  1. `prism mock` serves both OpenAPI documents, and answers every operation's named request example with the
//     operation's success status and no validation complaint;
//  2. `prism proxy` in front of the kit's mock accepts every Pieces answer the mock gives to the conformance suite's
//     traffic (no `Violation: response…` in Prism's log);
//  3. a canary: the same proxy in front of a mock with one deliberately wrong answer does report it, so step 2
//     cannot pass merely because Prism stayed silent.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { finish, logDir, repoDir, specDir, start, startMock, startPrism } from './processes.mjs';

const documents = ['openapi/decthings-model-api.yaml', 'openapi/pieces-model-api.yaml'];
const failures = [];

for (const document of documents) await checkPrismMock(document);
await checkPrismProxyAcceptsTheMock();
await checkPrismProxyReportsABrokenAnswer();
finish('prism', failures);

async function checkPrismMock(document) {
  const spec = parse(readFileSync(join(specDir, document), 'utf8'));
  const name = document.replace(/^openapi\/|\.yaml$/g, '');
  const prism = await startPrism(`prism-mock-${name}`, ['mock', join(specDir, document)]);
  let checked = 0;
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete', 'head']) {
      const operation = item[method];
      if (!operation) continue;
      const request = exampleRequest(spec, path, item, operation);
      const answer = await fetch(prism.url + request.path, {
        method: method.toUpperCase(),
        headers: request.headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
      });
      await answer.arrayBuffer();
      const expected = Object.keys(operation.responses).filter((status) => status.startsWith('2'));
      const what = `prism mock ${name}: ${method.toUpperCase()} ${path} (${operation.operationId})`;
      if (!expected.includes(String(answer.status))) failures.push(`${what} answered ${answer.status}, expected ${expected.join('/')}`);
      else if (answer.headers.get('sl-violations')) failures.push(`${what}: sl-violations ${answer.headers.get('sl-violations')}`);
      checked++;
    }
  }
  console.log(`prism mock ${name}: ${checked} operations answered their example request`);
  prism.child.kill('SIGTERM');
}

/**
 * The operation's path with each path parameter's first named example, its first named JSON body example, an
 * Accept of its success answer's media type, and a made-up credential when every security alternative needs one.
 */
function exampleRequest(spec, path, item, operation) {
  const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p) => resolve(spec, p));
  let filled = path;
  for (const parameter of parameters.filter((p) => p.in === 'path')) {
    const value = parameter.example ?? Object.values(parameter.examples ?? {}).map((e) => resolve(spec, e).value)[0];
    filled = filled.replace(`{${parameter.name}}`, encodeURIComponent(value));
  }
  const json = resolve(spec, operation.requestBody ?? {}).content?.['application/json'];
  const examples = Object.values(json?.examples ?? {}).map((e) => resolve(spec, e).value);
  const body = json?.example ?? examples[0];
  const success = Object.entries(operation.responses).find(([status]) => status.startsWith('2'))[1];
  const headers = { accept: Object.keys(resolve(spec, success).content ?? {})[0] ?? '*/*' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const security = operation.security ?? spec.security ?? [];
  if (security.length && !security.some((alternative) => !Object.keys(alternative).length)) {
    const scheme = spec.components.securitySchemes[Object.keys(security[0])[0]];
    headers[scheme.type === 'http' ? 'authorization' : scheme.name.toLowerCase()] =
      scheme.type === 'http' ? 'Bearer prism-check' : 'prism-check';
  }
  return { path: filled, body, headers };
}

function resolve(spec, node) {
  while (node?.$ref) node = node.$ref.slice(2).split('/').reduce((at, key) => at[key], spec);
  return node;
}

async function checkPrismProxyAcceptsTheMock() {
  const mock = await startMock('mock-behind-prism');
  const proxy = await startPrism('prism-proxy-pieces', ['proxy', join(specDir, 'openapi/pieces-model-api.yaml'), mock.url]);
  // Prism's proxy forwards HTTP only, so the suite's WebSocket check (ws-progress) cannot run through it.
  const suite = start('conformance-through-prism', 'java', ['-jar',
    join(repoDir, 'conformance-tests', 'target', 'modelapi-conformance.jar'), `--pieces-url=${proxy.url}`,
    '--skip=ws-progress', '--seed=1', `--report-dir=${join(logDir, 'conformance-through-prism')}`]);
  const status = await suite.done;
  await settle();
  const summary = suite.output.trim().split('\n').at(-1);
  if (status !== 0) failures.push(`conformance suite through prism proxy exited ${status}: ${summary} (${suite.logFile})`);
  const violations = responseViolations(proxy.output);
  console.log(`prism proxy pieces: the suite through Prism to the mock: ${summary}; ` +
    `Prism flagged ${violations.length} answer(s) and ${requestViolations(proxy.output)} of the suite's requests ` +
    '(its negative cases, which the mock rejects in its own shape)');
  for (const violation of violations) failures.push(`prism proxy flagged the mock's answer: ${violation}`);
  proxy.child.kill('SIGTERM');
  mock.child.kill('SIGTERM');
}

async function checkPrismProxyReportsABrokenAnswer() {
  const mock = await startMock('broken-mock-behind-prism', ['--mappings', join(specDir, 'peer-tools', 'prism-canary')]);
  const proxy = await startPrism('prism-proxy-canary', ['proxy', join(specDir, 'openapi/pieces-model-api.yaml'), mock.url]);
  const answer = await fetch(`${proxy.url}/models`);
  await answer.arrayBuffer();
  await settle();
  const violations = responseViolations(proxy.output);
  if (!violations.length || !answer.headers.get('sl-violations')) {
    failures.push('canary: prism proxy did not report the deliberately wrong GET /models answer ' +
      `(log: ${proxy.logFile}); the acceptance check above proves nothing until it does`);
  } else {
    console.log(`prism proxy canary: the wrong answer was reported (${violations[0]})`);
  }
  proxy.child.kill('SIGTERM');
  mock.child.kill('SIGTERM');
}

// Prism logs each violation as "Violation: <location> <message>"; the location says request or response.
function violations(log, location) {
  return log.replace(/\x1b\[[0-9;]*m/g, '').split('\n')
    .filter((line) => line.includes(`Violation: ${location}`)).map((line) => line.replace(/^.*Violation: /, ''));
}
function responseViolations(log) {
  return violations(log, 'response');
}

function requestViolations(log) {
  return violations(log, 'request').length;
}

/** Gives Prism a moment to write the log lines of the last exchange. */
function settle() {
  return new Promise((wake) => setTimeout(wake, 500));
}
