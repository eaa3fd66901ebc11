// Types of @powerdesk/core, api_version 1. Hand-written (Emscripten 3.1.6
// cannot generate them); docs/api.md and docs/schema/*.json are the source of
// truth for every field, and wasm/test/usage.ts type-checks against this file.

// ───────────────────────────── scalars ─────────────────────────────

/**
 * A decimal number in a request: a numeric string such as `"150"` or
 * `"0.538"`, or a JSON number.
 *
 * Prefer strings. The core reads every decimal from its text, never through
 * binary floating point, so `"0.1"` is exactly one tenth; a JS number goes
 * through `JSON.stringify` first, and a value such as `0.1 + 0.2` arrives as
 * `0.30000000000000004` and is refused with `PD_NUMBER_TOO_PRECISE`.
 */
export type Decimal = string | number;

/**
 * A decimal in a response: always a string (`"118.50"`, `"0.568"`, `"250"`).
 * Amounts of money have exactly two decimals. Do not convert to `number` to
 * do arithmetic: the core has already done all of it, exactly.
 */
export type DecimalString = string;

/** A calendar date, `YYYY-MM-DD` (no time, no zone). */
export type IsoDate = string;

/** The API version this package speaks. */
export type ApiVersion = '1';

/** A text in both languages of the portal. */
export interface Bilingual {
  /** Chinese (简体中文). */
  zh: string;
  /** English. */
  en: string;
}

/** A time-of-use period. `deep_valley` is 深谷. */
export type TouPeriod = 'sharp' | 'peak' | 'flat' | 'valley' | 'deep_valley';

// ───────────────────────────── issues ─────────────────────────────

/** The stable machine codes of api_version 1 (docs/api.md, "Error codes"). */
export type IssueCode =
  | 'PD_JSON_MALFORMED'
  | 'PD_FIELD_MISSING'
  | 'PD_FIELD_TYPE'
  | 'PD_FIELD_UNKNOWN'
  | 'PD_NUMBER_INVALID'
  | 'PD_NUMBER_TOO_PRECISE'
  | 'PD_NUMBER_OUT_OF_RANGE'
  | 'PD_DATE_INVALID'
  | 'PD_PERIOD_END_BEFORE_START'
  | 'PD_PERIOD_TOO_LONG'
  | 'PD_REGION_UNKNOWN'
  | 'PD_TARIFF_UNKNOWN'
  | 'PD_NO_PACK_FOR_DATE'
  | 'PD_TOU_PERIOD_UNKNOWN'
  | 'PD_USAGE_MISSING'
  | 'PD_USAGE_CONFLICT'
  | 'PD_READING_BACKWARDS'
  | 'PD_POWER_FACTOR_DATA_MISSING'
  | 'PD_DEMAND_DATA_MISSING'
  | 'PD_HOUSEHOLD_SIZE_INVALID'
  | 'PD_SPLIT_EXCEEDS_USAGE'
  | 'PD_ENUM_INVALID'
  | 'PD_PACK_INVALID'
  | 'PD_PACK_OVERLAP'
  | 'PD_PACK_DUPLICATE'
  | 'PD_FILE_UNREADABLE'
  | 'PD_INTERNAL'
  | 'PD_DEMAND_FLOOR_APPLIED'
  | 'PD_DUPLICATE_KEY';

/** How serious an issue is: `error` refuses the request, the others are advice. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * One problem found in a request or a rule pack. Every problem is reported,
 * not just the first.
 */
export interface Issue {
  /** Stable machine code; branch on this, never on the message. */
  code: IssueCode;
  /**
   * JSON pointer to the offending field (`"/usage/kwh"`), into the request —
   * or, when `file` is set, into that rule pack. `""` means the whole document.
   */
  path: string;
  /** `error` for refusals; bills carry `warning`s in `Bill.warnings`. */
  severity: Severity;
  /** Message for people, in Chinese and English. */
  message: Bilingual;
  /** The rule pack the issue is about (the `name` it was loaded under). */
  file?: string;
}

// ───────────────────────────── envelopes ─────────────────────────────

/** A successful operation: `result` holds its output. */
export interface Success<T> {
  /** Always `"1"`. */
  api_version: ApiVersion;
  /** Narrow on this: `true` here. */
  ok: true;
  /** The operation's output. */
  result: T;
}

/** A refused operation: bad input, never a thrown exception. */
export interface Failure {
  /** Always `"1"`. */
  api_version: ApiVersion;
  /** Narrow on this: `false` here. */
  ok: false;
  /** Every problem found (at least one). */
  errors: Issue[];
}

/**
 * What every operation returns: `{ok: true, result}` or `{ok: false, errors}`.
 * Narrow on `ok` before reading `result` or `errors`.
 */
export type Envelope<T> = Success<T> | Failure;

/** What {@link PowerDesk.bill} returns. */
export type BillResponse = Envelope<Bill>;

/** What {@link PowerDesk.lateFee} returns. */
export type LateFeeResponse = Envelope<LateFee>;

/** What {@link PowerDesk.addPack} returns: `{ok: true}` (no result) or the pack's issues. */
export type AddPackResponse = { api_version: ApiVersion; ok: true } | Failure;

// ───────────────────────────── bill request ─────────────────────────────

/** The billing period; both ends inclusive, at most 366 days. */
export interface BillPeriodRequest {
  /** First day, `YYYY-MM-DD`. */
  start: IsoDate;
  /** Last day (inclusive), `YYYY-MM-DD`. */
  end: IsoDate;
}

/** Consumption given directly: `kwh` or `kwh_by_period`, not both. */
export interface Usage {
  /** Total kWh for non-TOU tariffs; 0 to 1e10, at most 3 decimals. */
  kwh?: Decimal;
  /** kWh per time-of-use period (TOU tariffs need this, not `kwh`). */
  kwh_by_period?: Partial<Record<TouPeriod, Decimal>>;
  /** Reactive energy (kvarh), for the power-factor adjustment. */
  kvarh?: Decimal;
}

/** Start and end readings of one register. */
export interface RegisterReading {
  /** Reading at the start of the period, at most 3 decimals. */
  start: Decimal;
  /** Reading at the end; below `start` only with `digits` (rollover). */
  end: Decimal;
}

/** Transformer losses added to a meter (高供低计). */
export interface TransformerLoss {
  /** Loss in kWh. */
  kwh?: Decimal;
  /** Loss in kvarh. */
  kvarh?: Decimal;
}

/** One meter's readings, used instead of `usage`. */
export interface Meter {
  /** Meter id; sub-meter lines are labelled `sub:<id>`. */
  id?: string;
  /** `main` (default) or `sub` (套减: billed at its own `tariff`, subtracted from the main meter). */
  role?: 'main' | 'sub';
  /** Tariff code of a sub-meter. */
  tariff?: string;
  /** 倍率 (CT/PT multiplier); default 1. */
  multiplier?: Decimal;
  /** Register digits, 1–12: a reading below its start rolls over. */
  digits?: number;
  /**
   * Active-energy registers per TOU period (`flat` for a single register).
   * Left out only on a separate reactive meter (无功表) that gives `reactive`.
   */
  registers?: Partial<Record<TouPeriod, RegisterReading>>;
  /** Reactive (kvarh) register. */
  reactive?: RegisterReading;
  /** Reactive export register. */
  reactive_export?: RegisterReading;
  /** Transformer losses. */
  transformer_loss?: TransformerLoss;
}

/** Residential details: tier carry-in, household and shared-meter status. */
export interface ResidentialInfo {
  /** kWh already used in this tier year (or month) before the period. */
  carry_in_kwh?: Decimal;
  /** People in the household (1–50); large households may elect the 合表 price. */
  household_size?: number;
  /** Low-income household (低保/五保): free allowance where the pack has one. */
  low_income?: boolean;
  /** 合表 (shared-meter) customer: not tiered. */
  shared_meter?: boolean;
  /** 一户多人口 household electing the 合表 price. */
  elect_shared_meter_price?: boolean;
}

/** Sealed capacity (暂停/减容) for part of the period; capacity basis only. */
export interface Suspension {
  /** Sealed kVA. */
  kva: Decimal;
  /** First sealed day, `YYYY-MM-DD`. */
  from: IsoDate;
  /** Last sealed day, `YYYY-MM-DD`. */
  to: IsoDate;
}

/** Two-part tariff data: how the basic (capacity or demand) charge is assessed. */
export interface DemandInfo {
  /** Basic-charge basis: contracted capacity, contract demand or actual demand. */
  basis: 'capacity' | 'contract_demand' | 'actual_demand';
  /** 合同最大需量 (kW). */
  contract_kw?: Decimal;
  /** The month's maximum demand (kW). */
  max_demand_kw?: Decimal;
  /** Sealed capacity during the period. */
  suspensions?: Suspension[];
}

/** The power-factor standard the customer is assessed against. */
export interface PowerFactorInfo {
  /** `"0.90"`, `"0.85"`, `"0.80"` or `"none"`. */
  standard: '0.90' | '0.85' | '0.80' | 'none' | (string & {});
}

/** A share billed at another tariff (定比 by `ratio`, 定量 by `kwh`; one of them). */
export interface Split {
  /** Tariff code the share is billed at. */
  tariff: string;
  /** 0 < ratio ≤ 1. */
  ratio?: Decimal;
  /** Fixed kWh. */
  kwh?: Decimal;
}

/** A 退补 (refund or back-charge) line: an `amount`, or `kwh` priced at the main tariff. */
export interface Adjustment {
  /** 元; negative is a refund. */
  amount?: Decimal;
  /** kWh priced at the main tariff; negative is a refund. */
  kwh?: Decimal;
  /** The TOU period the kWh are priced in. */
  period?: TouPeriod;
  /** Why — printed on the line. */
  reason: string;
}

/**
 * A bill request (docs/schema/bill-request.schema.json). Give consumption as
 * `usage` or as `meters`, not both. Unknown fields are refused
 * (`PD_FIELD_UNKNOWN`): typos are never ignored.
 */
export interface BillRequest {
  /** Region of a loaded pack, e.g. `"zhejiang"` (see {@link PowerDesk.packs}). */
  region: string;
  /** A tariff code of that region's pack, e.g. `"residential_tou"`. */
  tariff: string;
  /** Billing period, both ends inclusive, at most 366 days. */
  period: BillPeriodRequest;
  /** Consumption given directly (instead of `meters`). */
  usage?: Usage;
  /** Consumption from meter readings (instead of `usage`); at least one main meter. */
  meters?: Meter[];
  /** Contracted capacity (kVA): two-part basic charge, 40 % floor, PF applicability. */
  capacity_kva?: Decimal;
  /** Residential details. */
  residential?: ResidentialInfo;
  /** Two-part tariff data. */
  demand?: DemandInfo;
  /** Power-factor standard. */
  power_factor?: PowerFactorInfo;
  /** 定比/定量 shares billed at other tariffs. */
  splits?: Split[];
  /** 退补 lines. */
  adjustments?: Adjustment[];
}

// ───────────────────────────── bill ─────────────────────────────

/** The kinds of bill line; `Bill.subtotals` has one entry per kind. */
export type LineKind = 'energy' | 'basic' | 'power_factor' | 'funds' | 'adjustment';

/** The citation of the regulation or price notice a line comes from. */
export interface Citation {
  /** Document title (the notice), or the adjustment's reason. */
  document: string;
  /** Its date, `YYYY-MM-DD`, or `""` when unknown. */
  date: string;
  /** Verification notes from the pack. */
  note?: string;
}

/** One printed line of a bill: quantity × unit price = amount, with its rule. */
export interface BillLine {
  /** Stable line code, e.g. `energy.tier2.peak`, `transmission.flat`, `basic.demand`, `power_factor`, `adjustment.amount`. */
  code: string;
  /** Which subtotal the line belongs to. */
  kind: LineKind;
  /** Short label for the bill. */
  label: Bilingual;
  /** The arithmetic and the rule in words, for people. */
  explanation: Bilingual;
  /** Amount in 元, two decimals, half-up to the fen; negative for refunds. */
  amount: DecimalString;
  /** Quantity (absent on power-factor and money-adjustment lines). */
  quantity?: DecimalString;
  /** Unit of `quantity`. */
  unit?: 'kWh' | 'kVA' | 'kW' | 'CNY';
  /** Unit price with the precision of the price notice (元 per unit). */
  unit_price?: DecimalString;
  /** TOU period (energy and funds lines). */
  period?: TouPeriod;
  /** Tier number (tiered tariffs), from 1. */
  tier?: number;
  /** Surcharge or component code (funds lines). */
  component?: string;
  /** Part-month proration: `days` of `of`. */
  proration?: { days: number; of: number };
  /** Power-factor lines: the measured power factor. */
  power_factor?: DecimalString;
  /** Power-factor lines: the adjustment percentage (negative is a reduction). */
  percent?: DecimalString;
  /** Power-factor lines: the amount the percentage applies to. */
  base?: DecimalString;
  /** Where the price comes from. */
  rule: Citation;
  /** Index into `Bill.parts` (the pack in force for this line). */
  part: number;
  /** `main`, `sub:<meter id>` or `split:<index>`. */
  block: string;
}

/** A stretch of the period priced by one pack (a period can span a price change). */
export interface BillPart {
  /** Pack id. */
  pack: string;
  /** Pack version. */
  version: string;
  /** Content hash of the pack (16 hex digits). */
  content_hash: string;
  /** First day of the part. */
  start: IsoDate;
  /** Last day of the part. */
  end: IsoDate;
  /** Days in the part. */
  days: number;
}

/** Where the customer stands on the residential tier ladder (阶梯进度). */
export interface TierProgress {
  /** The tier the customer is in at the end of the period. */
  tier: number;
  /** kWh used so far in the tier year (carry-in plus this period). */
  used_kwh: DecimalString;
  /** kWh left before the next tier; absent in the top tier. */
  remaining_in_tier_kwh?: DecimalString;
}

/** A bill (docs/schema/bill-response.schema.json, `result`). */
export interface Bill {
  /** Region billed. */
  region: string;
  /** The main tariff. */
  tariff: { code: string; label: Bilingual };
  /** The period, with its day count. */
  period: { start: IsoDate; end: IsoDate; days: number };
  /** The packs in force, one part per stretch of the period. */
  parts: BillPart[];
  /** Every line, in print order. */
  lines: BillLine[];
  /** Σ of the line amounts per kind (every kind present, `"0.00"` when none). */
  subtotals: Record<LineKind, DecimalString>;
  /** Total in 元: the sum of the rounded lines, as printed. */
  total: DecimalString;
  /** The total in Chinese uppercase (中文大写), e.g. `壹佰壹拾捌元伍角整`. */
  total_uppercase: string;
  /** Energy billed, kWh. */
  energy_kwh: DecimalString;
  /** total ÷ energy, 元/kWh to 4 decimals; absent when no energy. */
  average_price?: DecimalString;
  /** The power factor when it was assessed. */
  power_factor?: DecimalString;
  /** Tier progress, for residential tiered tariffs. */
  tier_progress?: TierProgress;
  /** Advice that did not stop the bill (e.g. a contract raised to the 40 % floor). */
  warnings: Issue[];
  /** `false` for bills; quotes will say `true`. */
  estimate: boolean;
}

// ───────────────────────────── late fee ─────────────────────────────

/** One overdue amount. */
export interface Arrear {
  /** Principal in 元, at most 2 decimals, at least 0.01. */
  amount: Decimal;
  /** Due date; the fee accrues from the next day. */
  due_date: IsoDate;
}

/** A 电费违约金 (late-payment fee) request. */
export interface LateFeeRequest {
  /** Region of a loaded pack with late-payment rules. */
  region: string;
  /** Residential and non-residential customers have different daily rates. */
  customer_class: 'residential' | 'non_residential';
  /** The day the arrears are paid (inclusive). */
  paid_date: IsoDate;
  /** The overdue amounts (at least one). */
  arrears: Arrear[];
}

/** Fee accrued on one arrear at one daily rate. */
export interface LateFeeLine {
  /** Index into the request's `arrears`. */
  arrear: number;
  /** The arrear's principal, 元. */
  principal: DecimalString;
  /** Daily rate as a fraction (`"0.002"` is 2‰). */
  daily_rate: DecimalString;
  /** First day accruing at this rate. */
  from: IsoDate;
  /** Last day accruing at this rate. */
  to: IsoDate;
  /** Days at this rate. */
  days: number;
  /** principal × rate × days, half-up to the fen. */
  amount: DecimalString;
  /** The arithmetic in words. */
  explanation: Bilingual;
}

/** A late-payment fee. */
export interface LateFee {
  /** Region. */
  region: string;
  /** The pack whose rules applied. */
  pack: { id: string; version: string };
  /** One line per arrear and rate. */
  lines: LateFeeLine[];
  /** Σ of the lines. */
  computed: DecimalString;
  /** What is due: `computed`, or the minimum charge when that is larger. */
  total: DecimalString;
  /** `total` in Chinese uppercase. */
  total_uppercase: string;
  /** Whether the minimum charge replaced `computed`. */
  minimum_applied: boolean;
  /** The regulation applied. */
  rule: Citation;
}

// ───────────────────────────── packs ─────────────────────────────

/** A tariff offered by a pack. */
export interface TariffInfo {
  /** Tariff code to put in `BillRequest.tariff`. */
  code: string;
  /** Its name. */
  label: Bilingual;
}

/** A loaded rule pack (one entry of `rules list`). */
export interface PackInfo {
  /** Pack id, e.g. `zhejiang-2025`. */
  id: string;
  /** Region code, e.g. `zhejiang` (`national` for nation-wide rules). */
  region: string;
  /** Region name. */
  region_name: Bilingual;
  /** Pack version, e.g. `2025.1`. */
  version: string;
  /** Days the pack is in force (inclusive). */
  effective: { from: IsoDate; to: IsoDate };
  /** Hash of the pack's content (16 hex digits); bills cite it in `parts`. */
  content_hash: string;
  /** The name the pack was loaded under (bundled: its path below `rules/`). */
  file: string;
  /** Tariffs of the pack. */
  tariffs: TariffInfo[];
}

/** A rule pack to load at run time: its JSON and the name used in messages. */
export interface PackSource {
  /** File name reported in `Issue.file`, e.g. `"zhejiang-2025.json"`. */
  name: string;
  /** The pack: its JSON text (preferred: exact decimals) or the parsed object. */
  json: string | object;
}

// ───────────────────────────── creation ─────────────────────────────

/**
 * Which packs a new engine gets: `"bundled"` (default) — the packs compiled
 * into the module from `rules/`; `"none"` — start empty and call
 * {@link PowerDesk.addPack}; or a list to load now, in order.
 */
export type PackSelection = 'bundled' | 'none' | readonly PackSource[];

/** Options of {@link createPowerDesk}. Everything is optional. */
export interface CreateOptions {
  /** Rule packs to load; default `"bundled"`. A refused pack makes creation throw {@link PowerDeskError}. */
  packs?: PackSelection | undefined;
  /** The bytes of `powerdesk-icu.dat`, if you already have them (e.g. from a cache); otherwise it is fetched/read from beside the module. */
  icuData?: Uint8Array | ArrayBuffer | undefined;
  /** The bytes of the `.wasm`, if you already have them; otherwise it is fetched/read from beside the module. */
  wasmBinary?: Uint8Array | ArrayBuffer | undefined;
  /**
   * Where to find `powerdesk-core.wasm` (node: `powerdesk-core-node.wasm`) and
   * `powerdesk-icu.dat`: receives the file name and the directory of the
   * package, returns the URL (node: path) to load instead.
   */
  locateFile?: ((file: string, directory: string) => string) | undefined;
  /** Advanced: Emscripten's custom instantiation hook, passed through unchanged. */
  instantiateWasm?: ((imports: object, receive: (instance: object, module?: object) => void) => object | boolean) | undefined;
  /** Where the module's standard output goes (default `console.log`). */
  print?: ((text: string) => void) | undefined;
  /** Where the module's standard error goes (default `console.warn`). */
  printErr?: ((text: string) => void) | undefined;
}

/**
 * One engine: a set of rule packs and the operations over them. Every
 * operation is synchronous, takes a request object (or its JSON text) and
 * returns an {@link Envelope}; bad input is a `{ok: false, errors}` value,
 * never an exception.
 */
export interface PowerDesk {
  /** The facade's API version, `"1"`. */
  readonly apiVersion: string;

  /** The loaded packs, sorted by region and date, with versions, content hashes and tariffs. */
  packs(): PackInfo[];

  /** Pack id → version of every loaded pack, e.g. `{"zhejiang-2025": "2025.1"}`. */
  packVersions(): Record<string, string>;

  /**
   * Loads one more rule pack (e.g. fetched by the portal). On any issue the
   * pack is not added and the engine is unchanged.
   * @param json the pack's JSON text (preferred) or object
   * @param name the file name reported in issues
   */
  addPack(json: string | object, name: string): AddPackResponse;

  /**
   * Computes a bill.
   * @param request the request, as an object or JSON text
   */
  bill(request: BillRequest | string): BillResponse;

  /**
   * Computes a late-payment fee (电费违约金).
   * @param request the request, as an object or JSON text
   */
  lateFee(request: LateFeeRequest | string): LateFeeResponse;

  /**
   * {@link bill}, returning the canonical envelope text instead of an object:
   * compact, keys sorted, byte-identical to the native build's output. For
   * caching, hashing and cross-build comparison.
   */
  billJson(request: BillRequest | string): string;

  /** {@link lateFee}, returning the canonical envelope text. */
  lateFeeJson(request: LateFeeRequest | string): string;

  /**
   * Loads the second ICU data file, `powerdesk-icu-text.dat` (Han→Latin
   * transliteration and zh pinyin collation, about 0.9 MB gzip), into this
   * module. Bills, quotes and late fees never need it; features that match
   * or sort names by pinyin call this first. Resolves at once when already
   * loaded; rejects with {@link PowerDeskError} if the file cannot be read.
   */
  loadTextData(): Promise<void>;

  /** Whether {@link dispose} has been called. */
  readonly disposed: boolean;

  /**
   * Frees the engine's memory in the module. Idempotent; any other call
   * afterwards throws {@link PowerDeskError}.
   */
  dispose(): void;
}

/**
 * Creates an engine: loads the WebAssembly module and the ICU data, then the
 * packs. The browser/worker build fetches both files from beside the
 * package's entry file; the node build reads them with `fs`.
 *
 * @throws {PowerDeskError} when a file cannot be loaded, the module cannot be
 *   instantiated or a pack is refused (`errors` says which file, where, why).
 */
export declare function createPowerDesk(options?: CreateOptions): Promise<PowerDesk>;

/**
 * A setup failure: a rule pack refused, the ICU data or the module not
 * loadable, or a call on a disposed engine. Bad requests are never thrown —
 * they come back as `{ok: false, errors}`.
 */
export declare class PowerDeskError extends Error {
  /** @param errors issues describing the failure */
  constructor(message: string, errors?: Issue[], options?: { cause?: unknown });
  /** Always `"PowerDeskError"`. */
  readonly name: 'PowerDeskError';
  /** The issues behind the failure: for a refused pack, each with `file` and `path`. */
  readonly errors: Issue[];
}
