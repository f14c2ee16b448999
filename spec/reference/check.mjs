// Opens the rendered reference (build.mjs) in headless Chromium and fails unless every page loads without a console
// error, a page error or a request leaving the page, and shows what the contract holds:
//   OpenAPI pages: every operation (summary, method and path) on its own route, the variants of each discriminated
//                  union in its request body, and the first named example of each request body;
//   AsyncAPI page: every operation id, channel, message and message example.
// Screenshots go to spec/target/reference/screenshots/. Chromium comes from Debian (package chromium); set CHROMIUM
// to use another binary.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { parse } from 'yaml';
import { pages } from './pages.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const spec = join(here, '..');
const out = join(spec, 'target', 'reference');
const shots = join(out, 'screenshots');
mkdirSync(shots, { recursive: true });

// Redoc always shows its "API docs by Redocly" logo from its CDN; the <img> hides itself when the network is closed,
// as it is here. It is the only request allowed to leave a page.
const allowedExternal = [/^https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(-full)?\.svg$/];
const isLocal = (url) => /^(file|data|blob|about):/.test(url);

const failures = [];
const fail = (page, message) => failures.push(`${page}: ${message}`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  // Without the networking flags Chromium keeps calling Google's hosts, which a closed network refuses.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

async function open(file) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const allowedFailures = new Set();
  page.on('request', (request) => {
    const url = request.url();
    if (isLocal(url)) return;
    if (allowedExternal.some((allowed) => allowed.test(url))) allowedFailures.add(url);
    else fail(file, `request leaves the page: ${url}`);
  });
  page.on('pageerror', (error) => fail(file, `page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (allowedFailures.has(message.location().url)) return;
    fail(file, `console error: ${message.text()}`);
  });
  await page.goto(pathToFileURL(join(out, file)).href, { waitUntil: 'load' });
  return page;
}

// textContent, not innerText: CSS upper-cases some labels.
const textOf = (page) => page.evaluate(() => document.body.textContent);

function resolver(document) {
  const deref = (node) => {
    while (node && node.$ref) node = node.$ref.slice(2).split('/').reduce((n, key) => n?.[key], document);
    return node;
  };
  return deref;
}

/** The discriminated unions a request body shows: the body itself and each of its properties. */
function unionsOf(schema, deref) {
  const body = deref(schema);
  const candidates = [body, ...Object.values(body?.properties ?? {}).map(deref)];
  return candidates.filter((s) => s?.discriminator?.mapping).map((s) => Object.keys(s.discriminator.mapping));
}

/**
 * What shows a request example: Redoc titles examples with their summaries when there are several, and shows a
 * single one untitled (its top-level keys are always expanded).
 */
function exampleMarks(examples) {
  const [key, first] = examples[0] ?? [];
  if (examples.length > 1) return [first.summary ?? key];
  const value = first?.value;
  if (value && typeof value === 'object' && !Array.isArray(value)) return Object.keys(value).map((key) => `"${key}":`);
  return [];
}

async function checkOpenApi(file, document) {
  const deref = resolver(document);
  const page = await open(file);
  await page.waitForSelector('[data-component-name="Menu/Menu"]');
  await page.screenshot({ path: join(shots, file.replace('.html', '.png')) });
  let operations = 0;
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!operation.operationId) continue;
      operations++;
      const route = `#/${operation.tags[0].toLowerCase()}/${operation.operationId.toLowerCase()}`;
      await page.evaluate((hash) => { window.location.hash = hash; }, route);
      const label = `${operation.operationId} (${route})`;
      const body = operation.requestBody && deref(operation.requestBody).content?.['application/json'];
      const expected = [`${method} ${path}`.toLowerCase(),
        ...unionsOf(body?.schema, deref).flat().map((variant) => `discriminator ${variant}`),
        ...exampleMarks(Object.entries(body?.examples ?? {}).map(([key, example]) => [key, deref(example)]))];
      // Redoc renders neighbouring operations too, and fills a section in after its heading: wait until this
      // operation's own section (headed by its summary) shows everything expected.
      const handle = await page.waitForFunction(([summary, wanted]) => {
        const layout = document.querySelector('[data-component-name="Layout/ThreePanelLayout"]');
        const heading = [...(layout?.querySelectorAll('[data-component-name="Typography/H2"]') ?? [])]
          .find((h) => h.textContent.trim() === summary);
        if (!heading) {
          window.__last = ['a section headed by the summary'];
          return false;
        }
        let node = heading;
        while (node.parentElement?.querySelectorAll('[data-component-name="Typography/H2"]').length === 1) {
          node = node.parentElement;
        }
        // Discriminator values are listed one per line under "Discriminator"; join them as "discriminator value".
        const text = node.innerText.replace(/\s+/g, ' ').toLowerCase()
          .replace(/discriminator((?: [a-z][a-z0-9_]*)+)/g, (_, values) => values.trim().split(' ')
            .map((v) => `discriminator ${v}`).join(' '));
        const missing = wanted.filter((w) => !text.includes(w.toLowerCase()));
        return missing.length === 0 ? [] : (window.__last = missing, false);
      }, [operation.summary.trim(), expected], { timeout: 10000 }).catch((error) => {
        // A timeout leaves window.__last saying what was missing; anything else is a bug in this check.
        if (!/Timeout/.test(error.message)) throw error;
        return null;
      });
      if (!handle) {
        const missing = await page.evaluate(() => window.__last ?? ['the section itself']);
        fail(file, `${label}: not shown: ${missing.join('; ')}`);
        continue;
      }
      if (operations === 1) await page.screenshot({ path: join(shots, file.replace('.html', `-${operation.operationId}.png`)) });
    }
  }
  console.log(`reference check: ${file}: ${operations} operations shown`);
  await page.close();
}

async function checkAsyncApi(file, document) {
  const page = await open(file);
  try {
    await page.waitForSelector('#operations', { timeout: 10000 });
  } catch {
    fail(file, `not rendered: ${(await textOf(page)).slice(0, 300)}`);
    await page.close();
    return;
  }
  await page.screenshot({ path: join(shots, file.replace('.html', '.png')) });
  const text = await textOf(page);
  const expected = [];
  for (const [channel, item] of Object.entries(document.channels)) {
    expected.push(channel);
    for (const operation of [item.publish, item.subscribe].filter(Boolean)) expected.push(operation.operationId);
  }
  for (const message of Object.values(document.components?.messages ?? {})) {
    expected.push(message.name, ...(message.examples ?? []).map((example) => example.name));
  }
  for (const item of expected) if (!text.includes(item)) fail(file, `"${item}" is not shown`);
  console.log(`reference check: ${file}: ${Object.keys(document.channels).length} channels, ${expected.length} items shown`);
  await page.close();
}

const checks = { openapi: checkOpenApi, asyncapi: checkAsyncApi };
for (const { file, source, kind } of pages) await checks[kind](file, parse(readFileSync(join(spec, source), 'utf8')));
await browser.close();

if (failures.length) {
  console.error(`reference check FAILED (${failures.length}):\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(`reference check: passed; screenshots in ${shots}`);
