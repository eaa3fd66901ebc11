// Cold start in a browser: headless Chromium (Debian's, through
// playwright-core) loads the package from a tiny HTTP server on 127.0.0.1 and
// measures, with performance.now() in the page, import of powerdesk.mjs,
// createPowerDesk() (fetch + compile the .wasm, fetch + install the ICU data,
// bundled packs) and the first bill — on the main thread and in a module
// worker, each in a fresh browser context (empty HTTP and code caches).
// Prints medians; not a test.
//
//   node wasm/bench/coldstart-browser.mjs [N]       # default N = 7
//   needs: apt-get install chromium; npm ci in wasm/ (playwright-core)
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { distDir, repoRoot, requireDist } from '../test/dist.mjs';

const CHROMIUM = process.env.POWERDESK_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const N = Number(process.argv[2] ?? process.env.POWERDESK_BENCH_RUNS ?? 7);

if (!existsSync(CHROMIUM)) {
  console.error(`Chromium not found at ${CHROMIUM}: install Debian's package (apt-get install chromium) or set POWERDESK_CHROMIUM. Browser cold start NOT measured.`);
  process.exit(1);
}
let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  console.error('playwright-core is not installed: run `npm ci` in wasm/. Browser cold start NOT measured.');
  process.exit(1);
}
requireDist();

const REQUEST = readFileSync(join(repoRoot, 'docs', 'examples', 'bill-zhejiang-residential-tou.json'), 'utf8');

// What runs in the page or the worker: the same code, reporting phases in ms.
const MEASURE = `
  const t0 = performance.now();
  const { createPowerDesk } = await import('/powerdesk.mjs');
  const t1 = performance.now();
  const pd = await createPowerDesk();
  const t2 = performance.now();
  const request = ${JSON.stringify(REQUEST)};
  const first = pd.bill(request);
  const t3 = performance.now();
  pd.bill(request);
  const t4 = performance.now();
  pd.dispose();
  const result = {
    'import powerdesk.mjs': t1 - t0,
    'createPowerDesk()': t2 - t1,
    'first bill': t3 - t2,
    'second bill': t4 - t3,
    'import → first bill': t3 - t0,
    total: first.ok ? first.result.total : JSON.stringify(first.errors),
    uppercase: first.ok ? first.result.total_uppercase : '',
  };
`;

const PAGES = {
  '/': '<!doctype html><meta charset="utf-8"><title>powerdesk bench</title>',
  '/main-thread.mjs': `${MEASURE}\nwindow.__bench = result;`,
  '/worker.mjs': `${MEASURE}\npostMessage(result);`,
};
const TYPES = { '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm', '.dat': 'application/octet-stream', '.json': 'application/json', '.html': 'text/html' };

const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  const headers = { 'Cache-Control': 'no-store' };
  if (path in PAGES) {
    res.writeHead(200, { ...headers, 'Content-Type': path === '/' ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8' });
    res.end(PAGES[path]);
    return;
  }
  const file = normalize(join(distDir, path));
  if (!file.startsWith(distDir) || !existsSync(file)) {
    res.writeHead(404, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function once(where) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${origin}/`);
    let result;
    if (where === 'main thread') {
      await page.addScriptTag({ url: '/main-thread.mjs', type: 'module' });
      await page.waitForFunction(() => window.__bench, null, { timeout: 60_000 });
      result = await page.evaluate(() => window.__bench);
    } else {
      result = await page.evaluate(() => new Promise((ok, fail) => {
        const w = new Worker('/worker.mjs', { type: 'module' });
        w.onmessage = (e) => ok(e.data);
        w.onerror = (e) => fail(new Error(e.message || 'worker error'));
      }));
    }
    if (errors.length) throw new Error(errors.join('; '));
    return result;
  } finally {
    await context.close();
  }
}

try {
  console.log(`Chromium ${browser.version()} (headless), ${N} fresh contexts each, package ${distDir} served from ${origin}`);
  for (const where of ['main thread', 'module worker']) {
    const runs = [];
    for (let i = 0; i < N; i++) runs.push(await once(where));
    const totals = new Set(runs.map((r) => `${r.total} ${r.uppercase}`));
    console.log(`${where}: bill total ${[...totals].join(' | ')}`);
    for (const phase of ['import powerdesk.mjs', 'createPowerDesk()', 'first bill', 'second bill', 'import → first bill']) {
      const xs = runs.map((r) => r[phase]);
      console.log(`  ${phase.padEnd(24)}${median(xs).toFixed(1).padStart(8)} ms   (${Math.min(...xs).toFixed(1)} … ${Math.max(...xs).toFixed(1)})`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
