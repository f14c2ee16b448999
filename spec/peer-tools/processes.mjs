// Starting and stopping the processes a peer-tool run needs: the kit's mock (its jar) and the peer tools' servers.
// Each process's output goes to a log file under spec/target/peer-tools/, so a failure can be read afterwards.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const specDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const repoDir = resolve(specDir, '..');
export const logDir = join(specDir, 'target', 'peer-tools');
export const bin = (tool) => join(specDir, 'peer-tools', 'node_modules', '.bin', tool);

const running = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { stopAll(); process.exit(130); });
process.on('exit', stopAll);

/** A TCP port that was free a moment ago. */
export function freePort() {
  return new Promise((done, fail) => {
    const server = createServer().once('error', fail).listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** Starts a command with its output in logDir/<name>.log; the returned handle's `output` accumulates that output. */
export function start(name, command, args, options = {}) {
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `${name}.log`);
  const log = createWriteStream(logFile);
  const child = spawn(command, args, { cwd: options.cwd ?? repoDir, stdio: ['ignore', 'pipe', 'pipe'] });
  const handle = { name, child, logFile, output: '', exited: null };
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => { handle.output += chunk; log.write(chunk); });
  }
  handle.done = new Promise((done) => child.on('close', (code) => { handle.exited = code ?? 1; log.end(); done(handle.exited); }));
  running.add(handle);
  handle.done.then(() => running.delete(handle));
  return handle;
}

/** Waits until `ready()` holds, failing with the process's log when it exits first or the time runs out. */
export async function waitFor(handle, ready, what, seconds = 90) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (await ready()) return;
    if (handle.exited !== null) throw new Error(`${handle.name} exited (${handle.exited}) before ${what}; see ${handle.logFile}`);
    await new Promise((wake) => setTimeout(wake, 250));
  }
  throw new Error(`${handle.name}: no ${what} within ${seconds} s; see ${handle.logFile}`);
}

/** The kit's mock from its jar (build it first: mvn -B install -DskipTests), answering on a free port. */
export async function startMock(name, extraArgs = []) {
  const port = await freePort();
  const jar = join(repoDir, 'mock-server', 'target', 'modelapi-mock.jar');
  const mock = start(name, 'java', ['-jar', jar, '--port', String(port), ...extraArgs]);
  mock.url = `http://127.0.0.1:${port}`;
  await waitFor(mock, () => fetch(`${mock.url}/.well-known/health`).then((r) => r.ok, () => false), 'a healthy mock');
  return mock;
}

/** A Prism CLI server (`prism mock` or `prism proxy`), ready once it says it listens. */
export async function startPrism(name, args) {
  const port = await freePort();
  const prism = start(name, bin('prism'), [...args, '--port', String(port), '--host', '127.0.0.1']);
  prism.url = `http://127.0.0.1:${port}`;
  await waitFor(prism, () => /Prism is listening/.test(prism.output), 'Prism listening');
  return prism;
}

export function stopAll() {
  for (const handle of running) handle.child.kill('SIGTERM');
}

/** Ends a tool's run: lists its failures and exits 1, or says that every check passed. */
export function finish(tool, failures) {
  stopAll();
  if (failures.length) {
    console.error(`${tool}: ${failures.length} failure(s)`);
    for (const failure of failures) console.error(`  ✘ ${failure}`);
    process.exit(1);
  }
  console.log(`${tool}: all checks passed`);
}
