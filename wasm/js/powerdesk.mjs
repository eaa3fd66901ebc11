// Browser and web-worker entry point of @powerdesk/core.
//
//   import { createPowerDesk } from '@powerdesk/core';
//   const pd = await createPowerDesk();
//   const r = pd.bill({ region: 'zhejiang', ... });
//   if (r.ok) show(r.result); else explain(r.errors);
//
// The module (powerdesk-core.wasm) and the ICU data (powerdesk-icu.dat) are
// fetched from beside this file, in parallel; both URLs are written as
// `new URL('…', import.meta.url)` so bundlers (Vite) emit them as assets.
import createPowerDeskCore from './powerdesk-core.mjs';
import { PowerDeskError, wrap } from './wrap.mjs';

export { PowerDeskError };

const ICU_FILE = 'powerdesk-icu.dat';

function moduleOptions(options) {
  const out = {};
  for (const key of ['wasmBinary', 'locateFile', 'instantiateWasm', 'print', 'printErr']) {
    if (options[key] !== undefined) out[key] = options[key];
  }
  return out;
}

async function fetchIcu(options, file = ICU_FILE) {
  const base = new URL('./', import.meta.url).href;
  const url = options.locateFile ? options.locateFile(file, base) : new URL(file, base).href;
  let response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw unreadable(url, e instanceof Error ? e.message : String(e), e);
  }
  if (!response.ok) throw unreadable(url, `HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function unreadable(url, why, cause) {
  return new PowerDeskError(
    `cannot fetch the ICU data ${url}: ${why}`,
    [{ code: 'PD_FILE_UNREADABLE', file: String(url), message: { en: `Cannot fetch the ICU data: ${why}`, zh: `无法获取 ICU 数据：${why}` }, path: '', severity: 'error' }],
    cause === undefined ? undefined : { cause },
  );
}

/**
 * Loads the module and the ICU data, creates an engine and loads its packs.
 * @param {import('./powerdesk.d.ts').CreateOptions} [options]
 * @returns {Promise<import('./powerdesk.d.ts').PowerDesk>}
 */
export async function createPowerDesk(options = {}) {
  const icu = options.icuData != null ? Promise.resolve(options.icuData) : fetchIcu(options);
  const core = createPowerDeskCore(moduleOptions(options));
  // Wait for both, so that a failed fetch is not left as an unhandled rejection.
  const [coreResult, icuResult] = await Promise.allSettled([core, icu]);
  if (icuResult.status === 'rejected') throw icuResult.reason;
  if (coreResult.status === 'rejected') {
    const e = coreResult.reason;
    throw new PowerDeskError(`cannot instantiate the PowerDesk module: ${e instanceof Error ? e.message : String(e)}`, [], { cause: e });
  }
  return wrap(coreResult.value, icuResult.value, {
    packs: options.packs,
    fetchTextData: () => fetchIcu(options, 'powerdesk-icu-text.dat'),
  });
}
