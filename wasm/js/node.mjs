// Node entry point of @powerdesk/core (node >= 20): the same API as the
// browser entry, over the CommonJS build of the module. Node's global fetch
// cannot read a .wasm by path, so the module and the ICU data are read from
// beside this file with fs and the module gets its bytes as `wasmBinary`.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { PowerDeskError, wrap } from './wrap.mjs';

export { PowerDeskError };

const require = createRequire(import.meta.url);
const createPowerDeskCore = require('./powerdesk-core-node.js');

const WASM_FILE = 'powerdesk-core-node.wasm';
const ICU_FILE = 'powerdesk-icu.dat';
const HERE = fileURLToPath(new URL('./', import.meta.url));

function moduleOptions(options) {
  const out = {};
  for (const key of ['wasmBinary', 'locateFile', 'instantiateWasm', 'print', 'printErr']) {
    if (options[key] !== undefined) out[key] = options[key];
  }
  return out;
}

// options.locateFile(file, directory) moves either file, as it does for the
// module in Emscripten; by default both sit beside this file.
function where(file, options) {
  return options.locateFile ? options.locateFile(file, HERE) : HERE + file;
}

// Emscripten 3.1.6's node glue adds process 'uncaughtException' and
// 'unhandledRejection' listeners on every instantiation (unless linked with
// -sNODEJS_CATCH_EXIT=0 -sNODEJS_CATCH_REJECTION=0). They rethrow, changing
// how the host application fails, and they keep each module — its whole
// memory — alive after dispose(). The factory adds them synchronously, so the
// ones that appear during the call are removed again.
const GLUE_EVENTS = ['uncaughtException', 'unhandledRejection'];
function instantiate(moduleArgs) {
  const before = GLUE_EVENTS.map((event) => new Set(process.listeners(event)));
  try {
    return createPowerDeskCore(moduleArgs);
  } finally {
    GLUE_EVENTS.forEach((event, i) => {
      for (const listener of process.listeners(event)) {
        if (!before[i].has(listener)) process.removeListener(event, listener);
      }
    });
  }
}

async function read(path, what) {
  try {
    return await readFile(path);
  } catch (e) {
    throw new PowerDeskError(
      `cannot read the ${what} ${path}: ${e.message}`,
      [{ code: 'PD_FILE_UNREADABLE', file: String(path), message: { en: `Cannot read the ${what}: ${e.code ?? e.message}`, zh: `无法读取${what === 'ICU data' ? ' ICU 数据' : ' WebAssembly 模块'}：${e.code ?? e.message}` }, path: '', severity: 'error' }],
      { cause: e },
    );
  }
}

/**
 * Loads the module and the ICU data, creates an engine and loads its packs.
 * @param {import('./powerdesk.d.ts').CreateOptions} [options]
 * @returns {Promise<import('./powerdesk.d.ts').PowerDesk>}
 */
export async function createPowerDesk(options = {}) {
  const wasm = options.wasmBinary !== undefined || options.instantiateWasm !== undefined
    ? Promise.resolve(options.wasmBinary)
    : read(where(WASM_FILE, options), 'WebAssembly module');
  const icu = options.icuData != null ? Promise.resolve(options.icuData) : read(where(ICU_FILE, options), 'ICU data');
  const [wasmBinary, icuData] = await Promise.all([wasm, icu]);
  let module;
  try {
    module = await instantiate({ ...moduleOptions(options), ...(wasmBinary !== undefined ? { wasmBinary } : {}) });
  } catch (e) {
    throw new PowerDeskError(`cannot instantiate the PowerDesk module: ${e instanceof Error ? e.message : String(e)}`, [], { cause: e });
  }
  return wrap(module, icuData, {
    packs: options.packs,
    fetchTextData: () => read(where('powerdesk-icu-text.dat', options), 'ICU data'),
  });
}
