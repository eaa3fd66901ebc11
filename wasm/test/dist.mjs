// Shared by the node tests and benchmarks: where the built package (dist/)
// and the repository are, and how to load the package from there.
//
// POWERDESK_WASM_DIST names the package folder; a relative value is taken
// from the current directory. Default: build/wasm-release/wasm/dist of this
// repository (../build/wasm-release/wasm/dist seen from wasm/).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** wasm/ of this repository. */
export const wasmDir = resolve(here, '..');
/** The repository root. */
export const repoRoot = resolve(wasmDir, '..');
/** The built npm package. */
export const distDir = process.env.POWERDESK_WASM_DIST
  ? resolve(process.env.POWERDESK_WASM_DIST)
  : join(repoRoot, 'build', 'wasm-release', 'wasm', 'dist');

const BUILD_HINT = 'build it first: cmake --preset wasm-release && cmake --build --preset wasm-release ' +
  '(or point POWERDESK_WASM_DIST at a built package)';

/** Throws a readable error when the package has not been built. */
export function requireDist() {
  const missing = ['node.mjs', 'powerdesk-core-node.js', 'powerdesk-core-node.wasm', 'powerdesk-icu.dat']
    .filter((f) => !existsSync(join(distDir, f)));
  if (missing.length) {
    throw new Error(`the WASM package in ${distDir} is missing ${missing.join(', ')}; ${BUILD_HINT}`);
  }
}

/** Imports the node entry point of the built package. */
export async function loadNodeEntry() {
  requireDist();
  return import(pathToFileURL(join(distDir, 'node.mjs')).href);
}

/** Imports a file of the built package by name (e.g. wrap.mjs). */
export async function loadDistFile(name) {
  requireDist();
  return import(pathToFileURL(join(distDir, name)).href);
}

/** The frozen test packs as `powerdesk --rules tests/packs` loads them: sorted by file name. */
export function frozenPacks() {
  const dir = join(repoRoot, 'tests', 'packs');
  const names = readdirSorted(dir).filter((f) => f.endsWith('.json'));
  return names.map((name) => ({ name, json: readFileSync(join(dir, name), 'utf8') }));
}

// Byte order, as std::sort on std::string (the names are ASCII).
function byName(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function readdirSorted(dir) {
  return readdirSync(dir).sort(byName);
}

/** Golden operation directories → the PowerDesk method that runs them (as tests/support/golden.hpp). */
export const GOLDEN_OPERATIONS = {
  bill: 'billJson',
  'late-fee': 'lateFeeJson',
  tier: 'tierJson',
  eligibility: 'eligibilityJson',
  process: 'processJson',
  validate: 'validateJson',
  dedupe: 'dedupeJson',
  match: 'matchJson',
  quote: 'quoteJson',
  compare: 'compareJson',
};

/** Billing cases run on the frozen test packs; business-rule cases on the real packs in rules/ (as golden.hpp). */
export const REAL_RULES_OPERATIONS = new Set(['tier', 'eligibility', 'process', 'validate', 'dedupe', 'match', 'quote', 'compare']);

/**
 * The two engines the golden cases run on, as tests/support/golden.hpp has
 * them: the frozen packs for billing, the real packs (with the text data for
 * dedupe and match) for business rules; `run(op, text)` picks the right one.
 */
export async function goldenEngines() {
  const { createPowerDesk } = await loadNodeEntry();
  const billing = await createPowerDesk({ packs: frozenPacks() });
  const rules = await createPowerDesk({ packs: realPacks() });
  await rules.loadTextData();
  return {
    run: (op, text) => (REAL_RULES_OPERATIONS.has(op) ? rules : billing)[GOLDEN_OPERATIONS[op]](text),
    dispose() {
      billing.dispose();
      rules.dispose();
    },
  };
}

/** Every pack in rules/ (not the schema), sorted by path, as tests/support/golden.hpp real_rules_engine() loads them. */
export function realPacks() {
  const root = join(repoRoot, 'rules');
  const out = [];
  for (const dir of readdirSorted(root)) {
    if (dir === 'schema') continue;
    for (const name of readdirSorted(join(root, dir))) {
      if (name.endsWith('.json')) out.push({ name, json: readFileSync(join(root, dir, name), 'utf8') });
    }
  }
  return out;
}

/**
 * The golden cases of tests/golden/<op>/NAME.request.json, sorted by name
 * ("bill/adjustments"), expected responses without trailing newlines.
 */
export function goldenCases() {
  const root = join(repoRoot, 'tests', 'golden');
  const cases = [];
  for (const op of Object.keys(GOLDEN_OPERATIONS)) {
    if (!existsSync(join(root, op))) continue;
    for (const file of readdirSync(join(root, op))) {
      const suffix = '.request.json';
      if (file.length <= suffix.length || !file.endsWith(suffix)) continue;
      const stem = file.slice(0, -suffix.length);
      const expected = readFileSync(join(root, op, `${stem}.response.json`), 'utf8').replace(/[\r\n]+$/, '');
      cases.push({ name: `${op}/${stem}`, operation: op, request: readFileSync(join(root, op, file), 'utf8'), expected });
    }
  }
  return cases.sort((a, b) => byName(a.name, b.name));
}

/** Golden operation directories that the mapping above does not know (a new one needs adding here and in golden.hpp). */
export function unknownGoldenOperations() {
  const root = join(repoRoot, 'tests', 'golden');
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !(d.name in GOLDEN_OPERATIONS))
    .map((d) => d.name);
}

/**
 * FNV-1a 64 over "name\nresponse\n" for every case in name order, over the
 * UTF-8 bytes, printed as 16 hex digits — exactly tests/support/golden.hpp.
 * @param {Array<[string, string]>} responses
 */
export function goldenHash(responses) {
  const MASK = (1n << 64n) - 1n;
  const PRIME = 1099511628211n;
  let h = 1469598103934665603n;
  const encoder = new TextEncoder();
  const mix = (s) => {
    for (const byte of encoder.encode(s)) {
      h ^= BigInt(byte);
      h = (h * PRIME) & MASK;
    }
  };
  for (const [name, response] of responses) {
    mix(`${name}\n`);
    mix(`${response}\n`);
  }
  return h.toString(16).padStart(16, '0');
}
