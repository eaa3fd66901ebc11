// The idiomatic layer over the raw Embind module, free of any environment
// (no fetch, no fs, no DOM): powerdesk.mjs (browser, worker) and node.mjs
// load the module and the ICU data their own way and hand both to wrap().
//
// Transport only. Requests go in as JSON text, envelopes come back as JSON
// text and are parsed; no amount is ever computed, rounded or compared here.
// Bad input is returned as {ok:false, errors}, never thrown; a setup failure
// (ICU data refused, a rule pack refused) is thrown as a PowerDeskError.

const API_VERSION = '1';

/** The ICU data files installed in each module (each is installed once). */
const icuInstalled = new WeakMap();
const TEXT_DATA = 'powerdesk-icu-text.dat';

/** A setup failure: `errors` are issues in the facade's shape. */
export class PowerDeskError extends Error {
  constructor(message, errors = [], options = undefined) {
    super(message, options);
    this.name = 'PowerDeskError';
    this.errors = errors;
  }
}

// An issue made on the JS side, keys in canonical (sorted) order so that the
// envelope text looks exactly like one the core writes.
function issue(code, zh, en, extra = {}) {
  const out = { code, ...('file' in extra ? { file: extra.file } : {}), message: { en, zh }, path: extra.path ?? '', severity: 'error' };
  return out;
}

function failureText(errors) {
  return JSON.stringify({ api_version: API_VERSION, errors, ok: false });
}

// Where a string has an unpaired UTF-16 surrogate, or -1. Such a string has no
// UTF-8 form: Embind would silently merge the surrogate with the next
// character, so a request holding one is refused instead.
function loneSurrogateAt(text) {
  const m = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.exec(text);
  return m ? m.index : -1;
}

function describe(error) {
  return error instanceof Error ? error.message : String(error);
}

function toBytes(data) {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return null;
}

/**
 * Copies the ICU data file into the module's heap and registers it; ICU keeps
 * its own aligned copy, so the heap buffer is freed again right away.
 */
function installIcu(module, icuData, file = 'powerdesk-icu.dat') {
  const files = icuInstalled.get(module) ?? new Set();
  if (files.has(file)) return;
  const bytes = toBytes(icuData);
  if (!bytes || bytes.byteLength === 0) {
    throw new PowerDeskError(`ICU data is missing: pass the bytes of ${file}`, [
      issue('PD_FILE_UNREADABLE', `ICU 数据缺失（${file}）`, `ICU data missing (${file})`, { file }),
    ]);
  }
  const address = module._malloc(bytes.byteLength);
  if (!address) {
    throw new PowerDeskError('out of memory copying the ICU data', [
      issue('PD_INTERNAL', '复制 ICU 数据时内存不足', 'Out of memory copying the ICU data'),
    ]);
  }
  let reason;
  try {
    // HEAPU8 is read after _malloc: growing memory replaces the view.
    module.HEAPU8.set(bytes, address);
    reason = module.installIcuData(address, bytes.byteLength);
  } finally {
    module._free(address);
  }
  if (reason) {
    throw new PowerDeskError(`ICU data refused: ${reason}`, [
      issue('PD_FILE_UNREADABLE', `ICU 数据无法加载：${reason}`, `ICU data could not be installed: ${reason}`, { file }),
    ]);
  }
  files.add(file);
  icuInstalled.set(module, files);
}

function packText(json) {
  return typeof json === 'string' ? json : JSON.stringify(json);
}

function loadPacks(engine, packs) {
  if (packs === undefined || packs === 'bundled') {
    const env = JSON.parse(engine.addBundledPacks());
    if (!env.ok) throw new PowerDeskError(`bundled rule packs refused: ${summary(env.errors)}`, env.errors);
    return;
  }
  if (packs === 'none') return;
  if (!Array.isArray(packs)) {
    throw new TypeError(`options.packs must be "bundled", "none" or an array of {name, json}; got ${typeof packs}`);
  }
  // Every pack is tried so that all problems are reported at once.
  const errors = [];
  let refused = 0;
  for (const [i, pack] of packs.entries()) {
    if (!pack || typeof pack.name !== 'string' || pack.json === undefined) {
      throw new TypeError(`options.packs[${i}] must be {name: string, json: string | object}`);
    }
    let text;
    try {
      text = packText(pack.json);
    } catch (e) {
      refused++;
      errors.push(issue('PD_JSON_MALFORMED', `规则包无法序列化为 JSON：${describe(e)}`, `Rule pack cannot be serialised to JSON: ${describe(e)}`, { file: pack.name }));
      continue;
    }
    const env = JSON.parse(engine.addPack(text, pack.name));
    if (!env.ok) {
      refused++;
      errors.push(...env.errors);
    }
  }
  if (refused) {
    throw new PowerDeskError(`${refused} of ${packs.length} rule pack(s) refused: ${summary(errors)}`, errors);
  }
}

function summary(errors) {
  const first = errors[0];
  if (!first) return 'no detail';
  const where = `${first.file ? first.file + ' ' : ''}${first.path || '/'}`;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return `${first.code} at ${where}: ${first.message.en}${more}`;
}

/**
 * Wraps an instantiated Embind module: installs the ICU data (once per
 * module), creates an engine and loads its packs.
 *
 * @param {object} module  the resolved createPowerDeskCore() module
 * @param {Uint8Array | ArrayBuffer | null} icuBytes  powerdesk-icu.dat (may be null when this module already has it)
 * @param {{packs?: 'bundled' | 'none' | Array<{name: string, json: string | object}>,
 *          fetchTextData?: () => Promise<Uint8Array | ArrayBuffer>}} [options]
 *   fetchTextData reads powerdesk-icu-text.dat for loadTextData()
 */
export function wrap(module, icuBytes, options = {}) {
  installIcu(module, icuBytes);
  const engine = new module.Engine();
  try {
    loadPacks(engine, options.packs);
  } catch (e) {
    engine.delete();
    throw e;
  }
  let disposed = false;

  function live() {
    if (disposed) throw new PowerDeskError('this PowerDesk has been disposed', []);
  }

  // Runs one operation and returns the envelope text; never throws for bad
  // input. A request that is not JSON-serialisable, or a failure inside the
  // module (a defect), becomes an error envelope like any other.
  function callText(method, request) {
    live();
    let text;
    if (typeof request === 'string') {
      text = request;
    } else {
      try {
        text = JSON.stringify(request);
      } catch (e) {
        return failureText([issue('PD_JSON_MALFORMED', `请求无法序列化为 JSON：${describe(e)}`, `The request cannot be serialised to JSON: ${describe(e)}`)]);
      }
      if (text === undefined) text = '';
    }
    const at = loneSurrogateAt(text);
    if (at >= 0) {
      return failureText([issue('PD_JSON_MALFORMED', `请求第 ${at} 个字符是不成对的 UTF-16 代理项，无法编码为 UTF-8`,
        `Character ${at} of the request is an unpaired UTF-16 surrogate, which has no UTF-8 form`)]);
    }
    try {
      return engine[method](text);
    } catch (e) {
      return failureText([issue('PD_INTERNAL', `内部错误：${describe(e)}`, `Internal error: ${describe(e)}`)]);
    }
  }

  const powerdesk = {
    apiVersion: module.apiVersion(),

    packs() {
      live();
      const env = JSON.parse(engine.rulesList());
      if (!env.ok) throw new PowerDeskError(`rules list failed: ${summary(env.errors)}`, env.errors);
      return env.result.packs;
    },

    packVersions() {
      const out = {};
      for (const p of powerdesk.packs()) out[p.id] = p.version;
      return out;
    },

    addPack(json, name) {
      live();
      let text;
      try {
        text = packText(json);
      } catch (e) {
        return JSON.parse(failureText([issue('PD_JSON_MALFORMED', `规则包无法序列化为 JSON：${describe(e)}`, `Rule pack cannot be serialised to JSON: ${describe(e)}`, { file: String(name) })]));
      }
      try {
        return JSON.parse(engine.addPack(text ?? '', String(name)));
      } catch (e) {
        return JSON.parse(failureText([issue('PD_INTERNAL', `内部错误：${describe(e)}`, `Internal error: ${describe(e)}`, { file: String(name) })]));
      }
    },

    bill: (request) => JSON.parse(callText('bill', request)),
    lateFee: (request) => JSON.parse(callText('lateFee', request)),
    tier: (request) => JSON.parse(callText('starTier', request)),
    eligibility: (request) => JSON.parse(callText('eligibility', request)),
    process: (request) => JSON.parse(callText('process', request)),
    validate: (request) => JSON.parse(callText('validate', request)),
    dedupe: (request) => JSON.parse(callText('dedupe', request)),
    match: (request) => JSON.parse(callText('match', request)),
    quote: (request) => JSON.parse(callText('quote', request)),
    compare: (request) => JSON.parse(callText('compare', request)),
    billJson: (request) => callText('bill', request),
    lateFeeJson: (request) => callText('lateFee', request),
    tierJson: (request) => callText('starTier', request),
    eligibilityJson: (request) => callText('eligibility', request),
    processJson: (request) => callText('process', request),
    validateJson: (request) => callText('validate', request),
    dedupeJson: (request) => callText('dedupe', request),
    matchJson: (request) => callText('match', request),
    quoteJson: (request) => callText('quote', request),
    compareJson: (request) => callText('compare', request),

    // Han→Latin and zh collation data (most of the ICU bytes) load only when
    // a feature needs them; bills and quotes never do.
    async loadTextData() {
      live();
      if (icuInstalled.get(module)?.has(TEXT_DATA)) return;
      if (!options.fetchTextData) {
        throw new PowerDeskError(`no way to load ${TEXT_DATA}`, [
          issue('PD_FILE_UNREADABLE', `无法加载 ${TEXT_DATA}`, `No way to load ${TEXT_DATA}`, { file: TEXT_DATA }),
        ]);
      }
      installIcu(module, await options.fetchTextData(), TEXT_DATA);
    },

    get disposed() {
      return disposed;
    },

    dispose() {
      if (disposed) return;
      disposed = true;
      engine.delete();
    },
  };
  return Object.freeze(powerdesk);
}
