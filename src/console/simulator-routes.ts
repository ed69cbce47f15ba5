/**
 * The WhatsApp-like chat simulator: a static page (simulator/) served with its options
 * injected as JSON. Mounted anywhere: asset URLs are built from the path the page was
 * requested at, so `/`, `/simulator` and `/simulator/` all work.
 *   GET /               → simulator.html with {sandboxBasePath, turnsApiPath, businessName, phoneNumberId}
 *   GET /simulator.css  → the styles
 *   GET /simulator.js   → the page script (vanilla ES module), which imports
 *   GET /format.js, /chat-render.js, /dev-panel.js, /list-sheet.js
 */
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';

export interface SimulatorOptions {
  /** Where the sandbox is mounted, e.g. `/sandbox` (or an absolute URL on another port). */
  sandboxBasePath: string;
  /** The engine's turns API, e.g. `/console/api/turns`. */
  turnsApiPath: string;
  businessName: string;
  phoneNumberId: string;
}

/** The page's ES modules (simulator.js imports the others). */
const SCRIPTS = ['simulator.js', 'format.js', 'chat-render.js', 'dev-panel.js', 'list-sheet.js'];

function asset(name: string): string {
  return readFileSync(new URL(`./simulator/${name}`, import.meta.url), 'utf8');
}

/** JSON that is safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function renderSimulatorPage(template: string, options: SimulatorOptions, assetBase: string): string {
  return template
    .replaceAll('{{ASSET_BASE}}', escapeHtml(assetBase))
    .replaceAll('{{BUSINESS_NAME}}', escapeHtml(options.businessName))
    .replace('{{CONFIG_JSON}}', () => scriptJson(options));
}

export function simulatorRoutes(options: SimulatorOptions): Hono {
  const html = asset('simulator.html');
  const css = asset('simulator.css');
  const scripts = new Map(SCRIPTS.map((name) => [name, asset(name)]));
  const app = new Hono();
  const noCache = { 'cache-control': 'no-cache' };

  app.get('/', (c) => {
    const base = c.req.path.replace(/\/+$/, '');
    return c.html(renderSimulatorPage(html, options, base), 200, noCache);
  });
  app.get('/simulator.css', (c) => c.body(css, 200, { 'content-type': 'text/css; charset=utf-8', ...noCache }));
  for (const [name, source] of scripts) {
    app.get(`/${name}`, (c) => c.body(source, 200, { 'content-type': 'text/javascript; charset=utf-8', ...noCache }));
  }
  return app;
}
