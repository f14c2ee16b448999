// Renders the contract as a static HTML reference under spec/target/reference/:
//   decthings-model-api.html, pieces-model-api.html   Redocly CLI build-docs (Redoc): unions as their variants, examples
//   pieces-download-progress.html                     the AsyncAPI document, rendered by @asyncapi/react-component
//   index.html                                        links the three
// Every page is one self-contained file (scripts, styles and the document inlined), so it opens from disk or any
// static host with no network.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { pages } from './pages.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const spec = join(here, '..');
const out = join(spec, 'target', 'reference');
const redocly = join(here, 'node_modules', '.bin', 'redocly');
mkdirSync(out, { recursive: true });

function run(...args) {
  // Redocly prints a Node.js deprecation banner on every run; keep its output for a failure only.
  // REDOCLY_TELEMETRY=off: neither the CLI nor the rendered page may call Redocly's telemetry service.
  execFileSync(redocly, args, { cwd: spec, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, REDOCLY_TELEMETRY: 'off' } });
}

function escapeForScript(json) {
  // The document goes inside <script>; "</script>" or "<!--" in a description must not end it.
  return json.replace(/</g, '\\u003c');
}

function asyncApiPage(title, source) {
  const component = join(here, 'node_modules', '@asyncapi', 'react-component');
  const script = readFileSync(join(component, 'browser', 'standalone', 'index.js'), 'utf8');
  const css = readFileSync(join(component, 'styles', 'default.min.css'), 'utf8');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${css}</style>
</head>
<body>
<div id="asyncapi"></div>
<script>${script.replace(/<\/script/gi, '<\\/script')}</script>
<script>
AsyncApiStandalone.render({
  schema: ${escapeForScript(JSON.stringify(source))},
  config: { show: { sidebar: true, errors: true } }
}, document.getElementById('asyncapi'));
</script>
</body>
</html>
`;
}

for (const page of pages) {
  const target = join(out, page.file);
  page.title = parse(readFileSync(join(spec, page.source), 'utf8')).info.title;
  if (page.kind === 'openapi') {
    run('build-docs', page.source, '--inlineBundle', '-o', target);
  } else {
    // The payload $refs the OpenAPI schema; the renderer's parser refuses a $ref in a payload of another schemaFormat
    // (asyncapi/openapi-schema-parser#196), so render a fully dereferenced bundle.
    const bundled = join(out, 'pieces-download-progress.bundled.yaml');
    run('bundle', page.source, '--dereferenced', '-o', bundled);
    writeFileSync(target, asyncApiPage(page.title, readFileSync(bundled, 'utf8')));
  }
  console.log(`reference: ${target}`);
}

const links = pages.map((p) => `<li><a href="${p.file}">${p.title}</a> <small>(${p.source})</small></li>`).join('\n');
writeFileSync(join(out, 'index.html'), `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Model API contract kit: reference</title></head>
<body><h1>Model API contract kit: reference</h1><ul>
${links}
</ul></body></html>
`);
