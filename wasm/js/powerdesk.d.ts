// Types of @powerdesk/core, api_version 1. Hand-written (Emscripten 3.1.6
// cannot generate them); docs/api.md and docs/schema/*.json are the source of
// truth for every field (star tiers, eligibility, processes and decision
// traces: docs/star-tiers.md, eligibility.md, process.md, decision-tables.md),
// and wasm/test/usage.ts type-checks against this file.

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
  | 'PD_DUPLICATE_KEY'
  /** The business is not in the catalogue (eligibility: the 29 ids of {@link BusinessId}; process: the catalogue in force). */
  | 'PD_BUSINESS_UNKNOWN'
  /** Process: a completion out of order, before `accepted` or after `today`. */
  | 'PD_STEP_ORDER'
  /** No pack in force on the request's date defines the decision table the request needs. */
  | 'PD_RULE_MISSING'
  /** A resident ID number that is not 17 digits and a check character. */
  | 'PD_RESIDENT_ID_INVALID'
  /** The resident ID's MOD 11-2 check character does not match (the message gives the expected one). */
  | 'PD_RESIDENT_ID_CHECKSUM'
  /** The resident ID's birth date is not a real date, before 1900-01-01 or after `today`. */
  | 'PD_RESIDENT_ID_BIRTH_DATE'
  /** A GB/T 2260 region code (ID: error; USCC: warning) is not known. */
  | 'PD_DIVISION_CODE_UNKNOWN'
  /** A unified social credit code of the wrong length or characters. */
  | 'PD_USCC_INVALID'
  /** Warning: a USCC check character (MOD 31 or the organisation code's) does not match. */
  | 'PD_USCC_CHECKSUM'
  /** Warning: the USCC's registration authority or entity type is not in PowerDesk's table. */
  | 'PD_USCC_TYPE_UNKNOWN'
  /** Not a mainland mobile number or a landline with area code. */
  | 'PD_PHONE_INVALID'
  /** A postal code that is not 6 digits. */
  | 'PD_POSTAL_CODE_INVALID'
  /** An account number (户号) of the wrong length or characters. */
  | 'PD_ACCOUNT_INVALID'
  /** A name that is empty, too long, in a script a name may not use, or with a misplaced middle dot. */
  | 'PD_NAME_INVALID'
  /** An address too short or without a recognisable province, city or district. */
  | 'PD_ADDRESS_INVALID'
  /** The address lies outside the pack's region. */
  | 'PD_ADDRESS_OUTSIDE_REGION'
  /** A document the business requires was not provided. */
  | 'PD_DOCUMENT_MISSING'
  /** A person applicant under age (error) or 16–17 (warning). */
  | 'PD_APPLICANT_AGE'
  /** An eligibility rule refuses the request. */
  | 'PD_NOT_ELIGIBLE'
  /** Warning: an eligibility rule sends the request to manual review. */
  | 'PD_REVIEW_REQUIRED'
  /** Requested voltage, phases or tariff differ from the supply decision. */
  | 'PD_SUPPLY_MISMATCH'
  /** The applicant type is not one the business accepts. */
  | 'PD_APPLICANT_TYPE_INVALID'
  /** Quotes: no typical load profile of that name in the packs in force. */
  | 'PD_PROFILE_UNKNOWN'
  /** Quotes: a tariff in no plan group, a plan the capacity rules out, or nothing to shift or adjust. */
  | 'PD_PLAN_UNAVAILABLE'
  /** Quotes: the packs lack data the quote needs (factors, feed-in price, a site's tariff). */
  | 'PD_QUOTE_DATA_MISSING'
  /** Quotes: a PV consumption mode the project category may not use (a warning when only conditionally open). */
  | 'PD_MODE_NOT_ALLOWED'
  /** Quotes: demand history shorter than the optimiser needs (a warning from 6 months). */
  | 'PD_HISTORY_INCOMPLETE';

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
  /** A corrected value a form may offer (e.g. the recommended supply voltage). */
  suggestion?: string;
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

/** What {@link PowerDesk.tier} returns. */
export type StarTierResponse = Envelope<StarTierResult>;

/** What {@link PowerDesk.eligibility} returns. */
export type EligibilityResponse = Envelope<EligibilityResult>;
/** What {@link PowerDesk.validate} returns. */
export type ApplicationResponse = Envelope<ApplicationReport>;
/** What {@link PowerDesk.dedupe} returns. */
export type DedupeResponse = Envelope<DedupeResult>;
/** What {@link PowerDesk.match} returns. */
export type MatchResponse = Envelope<MatchResult>;

/** What {@link PowerDesk.process} returns for one application ({@link ProcessApplicationRequest}). */
export type ProcessResponse = Envelope<ProcessResult>;

/** What {@link PowerDesk.process} returns for the catalogue ({@link ProcessCatalogueRequest}). */
export type ProcessCatalogueResponse = Envelope<ProcessCatalogue>;

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

// ───────────────────────────── decision tables ─────────────────────────────

/** A hit policy of a decision table (docs/decision-tables.md). */
export type HitPolicy = 'UNIQUE' | 'ANY' | 'FIRST' | 'COLLECT' | 'MAX' | 'MIN';

/**
 * A value in a decision trace, typed by its column: a boolean as `boolean`,
 * an integer (days, counts, phases) as `number`, and everything else as a
 * string — decimals exactly (`"66"`, `"0.90"`), enum values and dates as text.
 */
export type DecisionValue = string | number | boolean;

/** The version of a pack that supplied a rule. */
export interface PackRef {
  /** Pack id, e.g. `cn-national-2024`. */
  id: string;
  /** Pack version, e.g. `2024.1`. */
  version: string;
  /** The pack's region (`national` for nation-wide rules). */
  region: string;
}

/** One cell that made a row match: the input's value and the test it passed. */
export interface DecisionCondition {
  /** The input column (a fact name, e.g. `supply_voltage_kv`). */
  input: string;
  /** The fact's value as evaluated. */
  value: DecisionValue;
  /** The cell's test in words, e.g. `"< 110 and >= 35"`, `"= excellent"`. */
  test: string;
}

/** A row of the table that matched. */
export interface DecisionMatch {
  /** The row id from the pack, e.g. `voltage-35kv-to-110kv`. */
  row: string;
  /** The row's outputs, by output name. */
  outputs: Record<string, DecisionValue>;
  /** The cells the row tests (an input the row leaves open is not listed). */
  because: DecisionCondition[];
  /** The rule in words. */
  explanation: Bilingual;
  /** Where the rule comes from. */
  citation: Citation;
}

/**
 * Which row decided a single-result table (every policy but `COLLECT`):
 * a matching row, or the table's default when none matched.
 */
export type DecisionResult =
  | {
      /** `false`: a row decided. */
      default: false;
      /** The deciding row's id (for `MAX`/`MIN` ties: the earliest). */
      row: string;
    }
  | {
      /** `true`: no row matched and the table's default applied. */
      default: true;
      /** Always `null` here. */
      row: null;
      /** The default's rule in words. */
      explanation: Bilingual;
      /** Where the default comes from. */
      citation: Citation;
    };

/** What every decision trace has. */
export interface DecisionTraceBase {
  /** Table name from the pack, e.g. `star_tier`, `eligibility.suspension`, `supply_voltage`. */
  table: string;
  /** The table's name for people. */
  label: Bilingual;
  /** Every input column with the value it was evaluated with. */
  inputs: Record<string, DecisionValue>;
  /**
   * The rows that matched, in table order: every one for `UNIQUE`, `ANY`,
   * `MAX`, `MIN` and `COLLECT`; for `FIRST` only the row that decided.
   */
  matched: DecisionMatch[];
}

/** The trace of a single-result table: which row (or the default) decided. */
export interface DecisionTraceSingle extends DecisionTraceBase {
  /** How the table chooses. */
  hit_policy: Exclude<HitPolicy, 'COLLECT'>;
  /** The decision. */
  result: DecisionResult;
}

/** The trace of a `COLLECT` table: every matching row is the answer, there is no `result`. */
export interface DecisionTraceCollect extends DecisionTraceBase {
  /** `COLLECT`. */
  hit_policy: 'COLLECT';
  /** Never present. */
  result?: never;
}

/**
 * How a decision table reached its answer (docs/decision-tables.md, "Evaluation
 * and traces"): the inputs, the rows that matched and why, and the row or
 * default that decided. Narrow on `hit_policy` (or test `result`).
 */
export type DecisionTrace = DecisionTraceSingle | DecisionTraceCollect;

// ───────────────────────────── star tier ─────────────────────────────

/** A star tier (星级客户), lowest first: 普通客户, 一星级, 二星级, 三星级优质客户. */
export type StarTier = 'ordinary' | 'one_star' | 'two_star' | 'three_star';

/** 信用评价等级 优/良/中/差. */
export type CreditRating = 'excellent' | 'good' | 'fair' | 'poor';

/** Level of a key project (重点项目) or a park (园区). */
export type StarLevel = 'none' | 'municipal' | 'provincial' | 'national';

/** 特殊类别: high-risk (部队, 机场, …), livelihood (保障房, 希望小学, 民心工程) or flood relief. */
export type SpecialCategory =
  | 'none'
  | 'military'
  | 'airport'
  | 'high_risk_other'
  | 'affordable_housing'
  | 'hope_school'
  | 'livelihood_other'
  | 'flood_relief';

/** The customer fields of a star-tier request (`StarTierResult.defaulted` names the ones left out). */
export type StarCustomerField =
  | 'existing_customer'
  | 'annual_kwh'
  | 'has_arrears'
  | 'credit_rating'
  | 'project_level'
  | 'park_level'
  | 'supply_voltage_kv'
  | 'special_category';

/** The customer fields other than consumption and credit rating; each has a default. */
export interface StarCustomerCommon {
  /** 存量客户; default `true`. */
  existing_customer?: boolean;
  /** 发生过欠费; default `false`. */
  has_arrears?: boolean;
  /** 重点项目级别; default `none`. */
  project_level?: StarLevel;
  /** 园区级别; default `none`. */
  park_level?: StarLevel;
  /** 供电电压等级 in kV, 0 – 1000, at most 3 decimals; default `0` (no voltage rule applies). */
  supply_voltage_kv?: Decimal;
  /** 特殊类别; default `none`. */
  special_category?: SpecialCategory;
}

/**
 * The customer to classify. `credit_rating` is required when `annual_kwh`
 * is given (`PD_FIELD_MISSING /customer/credit_rating`); without it, the
 * rating defaults to `fair`.
 */
export type StarCustomer = StarCustomerCommon &
  (
    | {
        /** 全年用电总量 in kWh, 0 – 10,000,000,000, at most 3 decimals. */
        annual_kwh: Decimal;
        /** 信用评价等级: required with `annual_kwh`. */
        credit_rating: CreditRating;
      }
    | {
        /** Left out: `0` (no consumption rule applies). */
        annual_kwh?: never;
        /** Default `fair`. */
        credit_rating?: CreditRating;
      }
  );

/** A star-tier request (docs/star-tiers.md). Unknown fields are refused. */
export interface StarTierRequest {
  /** A region with packs, or `national`. */
  region: string;
  /** The day whose packs apply, `YYYY-MM-DD`. */
  date: IsoDate;
  /** The customer. */
  customer: StarCustomer;
}

/** A value-added service (增值服务) a star tier is owed. */
export interface StarService {
  /** Its number in the source's list, from 1. */
  number: number;
  /** Its name. */
  name: Bilingual;
  /** What it is. */
  description: Bilingual;
}

/** A star-tier classification (`result` of {@link PowerDesk.tier}). */
export interface StarTierResult {
  /** Region asked. */
  region: string;
  /** Day asked. */
  date: IsoDate;
  /** The tier: the highest any rule gives, `ordinary` when none does. */
  tier: StarTier;
  /** The tier's name. */
  label: Bilingual;
  /** Whether the customer has a customer manager (客户经理). */
  customer_manager: boolean;
  /** Whether a project management team (项目管理团队) is formed. */
  project_team: boolean;
  /** The services owed, by number (none for `ordinary`). */
  services: StarService[];
  /** Customer fields the request left out, which took their defaults. */
  defaulted: StarCustomerField[];
  /** One trace per table consulted, in order: `star_tier` (every matching rule), `star_tier_support`, `star_services`. */
  trace: [DecisionTrace, DecisionTrace, DecisionTrace];
  /** The pack that supplied `star_tier`. */
  pack: PackRef;
}

// ───────────────────────────── eligibility ─────────────────────────────

/** The 29 business types (业务类型) an eligibility request can name. */
export type BusinessId =
  | 'new_lv_residential'
  | 'new_lv_non_residential'
  | 'new_hv'
  | 'capacity_increase'
  | 'reduction_permanent'
  | 'reduction_temporary'
  | 'reduction_restore'
  | 'suspension'
  | 'suspension_restore'
  | 'temporary_swap'
  | 'temporary_swap_restore'
  | 'relocation'
  | 'meter_relocation'
  | 'temporary_removal'
  | 'reinstallation'
  | 'rename'
  | 'transfer'
  | 'split'
  | 'merge'
  | 'closure'
  | 'voltage_change'
  | 'class_change'
  | 'temporary_supply_metered'
  | 'temporary_supply_unmetered'
  | 'temporary_supply_extension'
  | 'temporary_supply_termination'
  | 'pv_connection'
  | 'ev_charging_connection'
  | 'substitution_project';

/** An eligibility decision, mildest first: the gravest matching reason decides. */
export type EligibilityDecision = 'eligible' | 'manual_review' | 'not_eligible';

/** Customer class. */
export type CustomerClass = 'residential' | 'commercial_industrial' | 'agricultural';

/**
 * Account status: `none` (no account yet), `active`, `suspended`, `reduced`
 * (non-permanent reduction), `swapped`, `removed` (暂拆), `temporary`
 * (临时用电), `closed`.
 */
export type AccountStatus = 'none' | 'active' | 'suspended' | 'reduced' | 'swapped' | 'removed' | 'temporary' | 'closed';

/** The current tariff structure of a contract. */
export type TariffStructure = 'none' | 'residential' | 'single_part' | 'two_part';

/** Who owns a distributed PV installation. */
export type PvOwner = 'natural_person' | 'non_natural_person' | 'general_ci' | 'large_ci';

/** How a PV installation uses its output. */
export type PvMode = 'full_export' | 'surplus_export' | 'full_self_use';

/** The kind of an EV charging facility. */
export type EvFacility = 'centralized_station' | 'host_site' | 'residential_compound';

/** Days from `from` to `to`, both inclusive. */
export interface DateRange {
  /** First day, `YYYY-MM-DD`. */
  from: IsoDate;
  /** Last day (inclusive), not before `from`. */
  to: IsoDate;
}

/** The customer as it is now. Every field is optional: the business's table decides which it needs. */
export interface EligibilityCustomer {
  /** Customer class. */
  class?: CustomerClass;
  /** Account status; new connections default to `none`. */
  status?: AccountStatus;
  /** When that status began (not after `today`). */
  status_since?: IsoDate;
  /** Contracted capacity, kVA (a new connection: 0). */
  capacity_kva?: Decimal;
  /** Supply voltage, kV, 0 – 1000 (a new connection: the one requested). */
  supply_voltage_kv?: Decimal;
  /** Current tariff structure. */
  tariff?: TariffStructure;
  /** Whether the customer owes arrears. */
  has_arrears?: boolean;
  /** Industrial customer. */
  industrial?: boolean;
  /** Irrigation and drainage station. */
  irrigation_station?: boolean;
  /** Has an on-load tap changer. */
  on_load_tap_changer?: boolean;
  /** Earlier 暂停 periods (`[]` for none). */
  suspensions?: DateRange[];
}

/** A distributed PV installation. */
export interface PvRequest {
  /** Capacity, kW. */
  capacity_kw?: Decimal;
  /** Who owns it. */
  owner?: PvOwner;
  /** How it uses its output. */
  mode?: PvMode;
}

/** What the customer asks for. Every field is optional: the business's table decides which it needs. */
export interface EligibilityRequestDetails {
  /** The new total capacity, kVA (新装, 增容, 改压, …), or the capacity taken out (减容, 暂停). */
  capacity_kva?: Decimal;
  /** 并户: the merged accounts' capacities together, kVA. */
  accounts_capacity_kva?: Decimal;
  /** Requested supply voltage, kV. */
  voltage_kv?: Decimal;
  /** Requested phases. */
  phases?: 1 | 3;
  /** The period, both ends inclusive: 暂停, 减容, 暂换, 暂拆, 临时用电 (an extension: the whole period). */
  period?: DateRange;
  /** Whole transformers are taken out or sealed. */
  whole_transformers?: boolean;
  /** At the same address. */
  same_address?: boolean;
  /** On the same supply point. */
  same_supply_point?: boolean;
  /** 分户: the installation can be separated. */
  separable?: boolean;
  /** 改类: the same installation. */
  same_installation?: boolean;
  /** 改类: the class requested. */
  new_class?: CustomerClass;
  /** Distributed PV. */
  pv?: PvRequest;
  /** EV charging facility. */
  ev_facility?: EvFacility;
}

/**
 * An eligibility request (docs/eligibility.md). A fact the business's table
 * tests but the request lacks is `PD_FIELD_MISSING` at its path; all are
 * reported at once. Unknown fields are refused.
 */
export interface EligibilityRequest {
  /** Region of a loaded pack (or `national`). */
  region: string;
  /** The day the request is decided on; the core reads no clock. */
  today: IsoDate;
  /** The business (`PD_BUSINESS_UNKNOWN` otherwise). */
  business: BusinessId;
  /** The customer as it is now. */
  customer?: EligibilityCustomer;
  /** What is asked for. */
  request?: EligibilityRequestDetails;
}

/** A matching row of the business's table: one reason for the decision. */
export interface EligibilityReason {
  /** Reason code from the pack, e.g. `EL_SHORT_NOTICE`. */
  code: string;
  /** What this reason alone decides. */
  decision: EligibilityDecision;
  /** The reason in words. */
  message: Bilingual;
  /** The clause it comes from (the citation's document). */
  clause: string;
}

/** The supply decisions eligibility can give (names fixed by the core). */
export type SupplyTable =
  | 'supply_voltage'
  | 'tariff_structure'
  | 'power_factor_standard'
  | 'tou_applicability'
  | 'ev_basic_charge_exemption'
  | 'pv_connection_voltage';

/** A supply decision whose facts were known. */
export interface SupplyDecision {
  /** Which decision. */
  table: SupplyTable;
  /** Its name. */
  label: Bilingual;
  /** The outputs, by the table's output names, e.g. `{"voltage_kv": "10", "phases": 3}`. */
  outputs: Record<string, DecisionValue>;
  /** How it was reached. */
  trace: DecisionTrace;
}

/** A supply decision the request lacks the facts for. */
export interface UndecidedSupplyDecision {
  /** Which decision. */
  table: SupplyTable;
  /** Its name. */
  label: Bilingual;
  /** The request fields it needs, as JSON pointers (`/customer/class`). */
  needs: string[];
}

/** An eligibility decision (`result` of {@link PowerDesk.eligibility}). */
export interface EligibilityResult {
  /** The business asked. */
  business: BusinessId;
  /** Its name, when the pack's catalogue has it. */
  business_name?: Bilingual;
  /** The day decided on. */
  today: IsoDate;
  /** The gravest reason's decision; `eligible` when no reason applies. */
  decision: EligibilityDecision;
  /** The decision in words (`null` if the pack gives no label). */
  decision_label: Bilingual | null;
  /** Every matching row of the business's table, in table order. */
  reasons: EligibilityReason[];
  /** The trace of `eligibility.<business>`. */
  trace: DecisionTrace;
  /** The supply decisions this business needs whose facts are known. */
  supply: SupplyDecision[];
  /** Those whose facts are not known, with the fields they need. */
  undecided: UndecidedSupplyDecision[];
  /** The pack that supplied the business's table. */
  pack: PackRef;
}

// ───────────────────────────── applications ─────────────────────────────

/** Who applies: a person or an organisation. */
export type ApplicantType = 'person' | 'organization';

/** A person applying, with a resident ID number (GB 11643-1999). */
export interface PersonApplicant {
  type: 'person';
  /** 2–30 Han characters (a minority name with ·) or a Latin name. */
  name: string;
  /** 18 characters; full-width digits and a lower-case x are accepted. */
  resident_id: string;
}

/** An organisation applying, with its unified social credit code (GB 32100-2015). */
export interface OrganizationApplicant {
  type: 'organization';
  name: string;
  credit_code: string;
  /** 法定代表人, optional. */
  legal_representative?: string;
}

/**
 * An application (报装) for validation (docs/applications.md): the
 * eligibility request plus who applies, where, and the documents given.
 */
export interface ApplicationRequest extends EligibilityRequest {
  applicant: PersonApplicant | OrganizationApplicant;
  /** 代办人: then the agent's ID card and a power of attorney are required. */
  agent?: { name: string; resident_id: string; phone: string };
  /** Who the utility calls: a mobile, or a landline with area code. */
  contact: { name: string; phone: string };
  /** The supply address (required, optional or not asked, per business). */
  address?: { text: string; postal_code?: string };
  /** 户号 of the existing account (10 or 13 digits by province). */
  account_number?: string;
  /** Ids of the documents provided, e.g. `resident_id_card`, `property_proof`. */
  documents?: string[];
  /** Apply under 一证办电 where the business allows it. */
  one_certificate?: boolean;
}

/** One document requirement of the form, and whether it is met. */
export interface DocumentCheck {
  /** Any one of these documents meets it. */
  any_of: { id: string; name: Bilingual }[];
  /** Only for this applicant type. */
  applicant?: ApplicantType;
  /** Only when an agent applies. */
  when?: 'agent';
  /** `later`: under 一证办电, it may follow after acceptance. */
  state: 'provided' | 'missing' | 'later';
  /** Which document met it. */
  provided?: string;
}

/** A place of GB/T 2260 recognised in an address. */
export interface DivisionRef {
  code: string;
  name: string;
}

/** The values as understood: the applicant's own form only (not masked). */
export interface NormalizedApplication {
  applicant?: { type: ApplicantType; name?: string; resident_id?: string; credit_code?: string; legal_representative?: string };
  agent?: { name?: string; resident_id?: string; phone?: string };
  contact?: { name?: string; phone?: string };
  address?: { text?: string; detail?: string; province?: DivisionRef; prefecture?: DivisionRef; county?: DivisionRef; postal_code?: string };
  account_number?: string;
}

/** What {@link PowerDesk.validate} finds (`result`). */
export interface ApplicationReport {
  /** No issue is an error (warnings and information do not block). */
  valid: boolean;
  /** The business as given ("" when it was not understood). */
  business: string;
  business_name?: Bilingual;
  counts: { error: number; warning: number; info: number };
  /** Every issue, in form order; show each at its `path`. */
  issues: Issue[];
  /** The documents checklist of the business's form. */
  documents: DocumentCheck[];
  /** The eligibility verdict and supply decisions, or null when the rules lacked facts. */
  eligibility: {
    decision: EligibilityDecision;
    decision_label: Bilingual | null;
    reasons: EligibilityReason[];
    supply: Omit<SupplyDecision, 'trace'>[];
  } | null;
  normalized: NormalizedApplication;
  /** The regional pack in force. */
  pack?: { id: string; version: string; region: string };
}

// ───────────────────────────── duplicates ─────────────────────────────

/** A customer record or application to compare (docs/dedupe.md). Only `id` is required. */
export interface DedupeRecord {
  /** Unique in the request; results name records only by it (never personal data). */
  id: string;
  customer_number?: string | null;
  /** The customer: a person or an organisation. */
  name?: string | null;
  address?: string | null;
  contact_name?: string | null;
  phone?: string | null;
}

/** Finds likely duplicates among records. */
export interface DedupeRequest {
  /** At most 10,000. */
  records: DedupeRecord[];
  /** 1–1000 ‰, default 800: a pair at or above it is a duplicate. */
  threshold?: number;
}

/** Ranks candidates against one record. */
export interface MatchRequest {
  record: DedupeRecord;
  /** At most 10,000; every one is scored. */
  candidates: DedupeRecord[];
  /** 1–100, default 10. */
  limit?: number;
  /** 0–1000 ‰, default 500: candidates below are left out. */
  min_score?: number;
  /** 1–1000 ‰, default 800: sets each match's `duplicate`. */
  threshold?: number;
}

/** How one field of two records compared. */
export interface FieldComparison {
  /** e.g. `equal`, `same_pinyin`, `one_edit`, `same_address`, `missing`, `different`. */
  how: string;
  /** 0–100. */
  points: number;
  /** The field's weight in the total. */
  weight: number;
  /** False when a side lacks the field (it then does not count). */
  compared: boolean;
  /** The two values, masked (names, phones, account numbers only; addresses never). */
  masked?: [string, string];
}

/** Why two records match. */
export interface RecordLink {
  records: [string, string];
  /** ‰. */
  score: number;
  duplicate: boolean;
  fields: Record<'customer_number' | 'phone' | 'name' | 'address' | 'contact_name', FieldComparison>;
  explanation: Bilingual;
}

/** `result` of {@link PowerDesk.dedupe}. */
export interface DedupeResult {
  /** Groups of two or more records, in the order of their first record. */
  clusters: { records: string[]; links: RecordLink[] }[];
  /** Records that would be merged away (Σ cluster size − 1). */
  duplicates: number;
  /** False when Han→Latin was unavailable: call `loadTextData()` first in the browser. */
  pinyin: boolean;
  threshold: number;
  stats: { records: number; blocks: number; oversized_blocks: number; compared_pairs: number; matched_pairs: number };
}

/** `result` of {@link PowerDesk.match}. */
export interface MatchResult {
  /** Best first. */
  matches: ({ id: string; score: number; duplicate: boolean; fields: RecordLink['fields']; explanation: Bilingual })[];
  compared: number;
  limit: number;
  min_score: number;
  threshold: number;
  pinyin: boolean;
}

// ───────────────────────────── process ─────────────────────────────

/** Categories of business in the catalogue. */
export type BusinessCategory = 'new_connection' | 'change' | 'temporary' | 'new_energy' | 'substitution';

/** Who must act to finish a step; only utility steps run against a limit. */
export type Party = 'utility' | 'customer';

/**
 * Where a step stands: `done`, `skipped` (optional, not done, a later step
 * done), `due` (the utility's next step), `waiting_for_customer` (the
 * customer's next step), `not_started`.
 */
export type StepStatus = 'done' | 'skipped' | 'due' | 'waiting_for_customer' | 'not_started';

/**
 * Why a step (or the overall commitment) has no due date: `customer_step`
 * (the customer's own step), `no_limit` (a utility step without a limit),
 * `waiting_for_customer` (its clock waits for a customer step),
 * `after_untimed_step` (its clock waits for a step without a limit).
 */
export type NoDueReasonCode = 'customer_step' | 'no_limit' | 'waiting_for_customer' | 'after_untimed_step';

/**
 * One application: its steps and due dates (docs/process.md). Unknown fields
 * are refused.
 */
export interface ProcessApplicationRequest {
  /** Region of a loaded pack, or `national` for the national catalogue alone. */
  region: string;
  /** A business id of the catalogue in force (a regional pack may add its own). */
  business: BusinessId | (string & {});
  /** The variant, required exactly when the business has variants (e.g. `dual_source`). */
  variant?: string;
  /** The day the application was accepted; its packs apply. */
  accepted: IsoDate;
  /** Today, for `overdue`; the core reads no clock. Not before `accepted`. */
  today?: IsoDate;
  /** Step id → the day it was completed. */
  completed?: Record<string, IsoDate>;
  /** Only in the catalogue form. */
  date?: never;
}

/** The catalogue in force on a day: no `business`, and none of the application's fields. */
export interface ProcessCatalogueRequest {
  /** Region of a loaded pack, or `national`. */
  region: string;
  /** The day whose packs apply. */
  date: IsoDate;
  /** Only in the application form. */
  business?: never;
  /** Only in the application form. */
  variant?: never;
  /** Only in the application form. */
  accepted?: never;
  /** Only in the application form. */
  today?: never;
  /** Only in the application form. */
  completed?: never;
}

/** A process request: one application, or the catalogue. */
export type ProcessRequest = ProcessApplicationRequest | ProcessCatalogueRequest;

/** Why there is no due date, and the step it waits for. */
export interface NoDueReason {
  /** Why. */
  code: NoDueReasonCode;
  /** The step waited for (`waiting_for_customer`, `after_untimed_step`). */
  step?: string;
}

/** One step of an application, with its status and due date. */
export interface ProcessStepProgress {
  /** Step id, e.g. `supply_plan`. */
  id: string;
  /** Its name. */
  name: Bilingual;
  /** Who acts. */
  party: Party;
  /** Where it stands. */
  status: StepStatus;
  /** The due date (or why there is none) in words. */
  explanation: Bilingual;
  /** Present (`true`) on optional steps. */
  optional?: true;
  /** The day it was completed. */
  completed?: IsoDate;
  /** Its limit in working days (timed utility steps). */
  limit_working_days?: number;
  /** The step whose completion starts its clock (with `limit_working_days`). */
  clock_from?: string;
  /** The due date. */
  due?: IsoDate;
  /** With `due`: whether it assumes an earlier step finishes on its own due date. */
  projected?: boolean;
  /** With `due` on a done step: completed after `due`. */
  late?: boolean;
  /** With `due` on an open step: `today` is after a firm `due`. */
  overdue?: boolean;
  /** Done timed steps: working days taken. */
  took_working_days?: number;
  /** Why there is no due date. */
  no_due_reason?: NoDueReason;
  /** Where the limit comes from. */
  citation?: Citation;
}

/** What every overall commitment has. */
export interface ProcessOverallBase {
  /** The commitment's name, e.g. 低压居民客户接电时间. */
  name: Bilingual;
  /** The step it runs to. */
  to: string;
  /** Utility working days from acceptance to `to` (for the variant). */
  working_days: number;
  /** The due date, or why it is not known, in words. */
  explanation: Bilingual;
  /** Where the commitment comes from. */
  citation: Citation;
}

/** The overall commitment while it runs: a firm due date. */
export interface ProcessOverallOpen extends ProcessOverallBase {
  /** The due date. */
  due: IsoDate;
  /** Working days of completed customer steps, not counted. */
  paused_working_days: number;
  /** Whether `today` is after `due`. */
  overdue: boolean;
  /** Not yet completed. */
  completed?: never;
  /** Only once completed. */
  late?: never;
  /** Never with a due date. */
  no_due_reason?: never;
}

/** The overall commitment once `to` is completed. */
export interface ProcessOverallDone extends ProcessOverallBase {
  /** The due date. */
  due: IsoDate;
  /** Working days of completed customer steps, not counted. */
  paused_working_days: number;
  /** The day `to` was completed. */
  completed: IsoDate;
  /** Whether it was completed after `due`. */
  late: boolean;
  /** Only while open. */
  overdue?: never;
  /** Never with a due date. */
  no_due_reason?: never;
}

/** The overall commitment while a customer step before `to` is open: no due date yet. */
export interface ProcessOverallWaiting extends ProcessOverallBase {
  /** Which customer step it waits for. */
  no_due_reason: { code: NoDueReasonCode; step: string };
  /** Unknown. */
  due?: never;
  /** Unknown. */
  paused_working_days?: never;
  /** Unknown. */
  completed?: never;
  /** Unknown. */
  late?: never;
  /** Unknown. */
  overdue?: never;
}

/** The overall commitment (e.g. 接电时间). Narrow on `due` (then `completed`). */
export type ProcessOverall = ProcessOverallOpen | ProcessOverallDone | ProcessOverallWaiting;

/** The business of an application. */
export interface ProcessBusiness {
  /** Business id. */
  id: string;
  /** Its name. */
  name: Bilingual;
  /** Its category. */
  category: BusinessCategory;
  /** The pack whose catalogue entry applies (a regional entry replaces the national one). */
  pack: string;
  /** Where the process comes from. */
  citation?: Citation;
}

/** One application's steps and due dates (`result` of {@link PowerDesk.process}). */
export interface ProcessResult {
  /** Region asked. */
  region: string;
  /** The business. */
  business: ProcessBusiness;
  /** The variant, when the business has variants. */
  variant?: { id: string; name: Bilingual };
  /** The accepted date. */
  accepted: IsoDate;
  /** Today, when given. */
  today?: IsoDate;
  /** The steps of the business (in this variant), in order. */
  steps: ProcessStepProgress[];
  /** The overall commitment, where the business has one for the variant. */
  overall?: ProcessOverall;
  /** The national pack (calendar, catalogue), then the regional one. */
  packs: PackRef[];
  /** Advice, e.g. `PD_NO_PACK_FOR_DATE` when a due date is past the known holidays. */
  warnings: Issue[];
}

/** A step of a business in the catalogue. */
export interface CatalogueStep {
  /** Step id. */
  id: string;
  /** Its name. */
  name: Bilingual;
  /** Who acts. */
  party: Party;
  /** Present (`true`) on optional steps. */
  optional?: true;
  /** The variants the step exists in (absent: all). */
  variants?: string[];
  /** The step whose completion starts its clock (default: the previous step). */
  clock_from?: string;
  /** Limit in working days, for every variant. */
  working_days?: number;
  /** Limit per variant (wins over `working_days`). */
  working_days_by_variant?: Record<string, number>;
  /** Where the limit comes from. */
  citation?: Citation;
}

/** A business's overall commitment in the catalogue. */
export interface CatalogueCommitment {
  /** Its name. */
  name: Bilingual;
  /** The step it runs to. */
  to: string;
  /** Working days, for every variant. */
  working_days?: number;
  /** Working days per variant. */
  working_days_by_variant?: Record<string, number>;
  /** Where it comes from. */
  citation: Citation;
}

/** A business of the catalogue. */
export interface CatalogueBusiness {
  /** Business id. */
  id: string;
  /** Its name. */
  name: Bilingual;
  /** Its category. */
  category: BusinessCategory;
  /** Its variants (empty when it has none). */
  variants: { id: string; name: Bilingual }[];
  /** Its steps, in order. */
  steps: CatalogueStep[];
  /** The pack the entry comes from. */
  pack: string;
  /** Where the process comes from. */
  citation?: Citation;
  /** The overall commitment, if any. */
  commitment?: CatalogueCommitment;
}

/** The catalogue in force on a day (`result` of {@link PowerDesk.process} with {@link ProcessCatalogueRequest}). */
export interface ProcessCatalogue {
  /** Region asked. */
  region: string;
  /** Day asked. */
  date: IsoDate;
  /** Every business, sorted by id. */
  businesses: CatalogueBusiness[];
  /** The national pack, then the regional one. */
  packs: PackRef[];
  /** Advice (none so far). */
  warnings: Issue[];
}

// ───────────────────────────── packs ─────────────────────────────

/** A tariff offered by a pack. */
export interface TariffInfo {
  /** Tariff code to put in `BillRequest.tariff`. */
  code: string;
  /** Its name. */
  label: Bilingual;
  /** Its TOU periods in bill order; `['flat']` when it is not a TOU tariff. */
  periods: TouPeriod[];
  /** TOU tariffs: the hours of each period, by season. */
  tou?: TouScheduleInfo;
}

/** The hours of a TOU schedule: each season's months and windows covering 00:00–24:00 once. */
export interface TouScheduleInfo {
  /** Schedule code in the pack, e.g. `residential`. */
  schedule: string;
  label: Bilingual;
  seasons: {
    /** Months 1–12 the season covers. */
    months: number[];
    /** `[from, to)` as `HH:MM`, in order; the last one ends at `24:00`. */
    windows: { period: TouPeriod; from: string; to: string }[];
  }[];
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

// ---- Quotes and plan comparison (docs/quotes.md) ------------------------------

/** What every quote says about itself, besides its figures. */
export interface QuoteNotes {
  /** Always `true`: a quote is an estimate. */
  estimate: true;
  /** "This is an estimate …; the bill the utility issues is what you pay." */
  notice: Bilingual;
  /** The packs used, in the order first read. */
  packs: { id: string; region: string; version: string; effective: { from: IsoDate; to: IsoDate }; content_hash: string }[];
  /** One sentence per assumption the quote made. */
  assumptions: Bilingual[];
}

/** `YYYY-MM`. */
export type IsoMonth = string;

/** Consumption in a quote: exactly one of `kwh` (with an optional profile), `kwh_by_period` (a month) or `kwh_by_month` (a year). */
export interface QuoteUsage {
  /** A total; on a TOU tariff spread over the periods (and for a year over the months) by `profile`. */
  kwh?: Decimal;
  /** kWh per TOU period, as on a bill (month quotes). */
  kwh_by_period?: Partial<Record<TouPeriod, Decimal>>;
  /** Twelve values, January to December (year quotes). */
  kwh_by_month?: Decimal[];
  /** A typical load profile of the packs (`residential`, `commercial`, `ev_home` …); default: the plan group's. */
  profile?: string;
  /** Reactive energy; a year's is spread in proportion to each month's kWh. */
  kvarh?: Decimal;
}

/** The customer members a bill request has (see {@link BillRequest}). */
export interface QuoteCustomer {
  region: string;
  capacity_kva?: Decimal;
  residential?: ResidentialInfo;
  demand?: DemandInfo;
  power_factor?: PowerFactorInfo;
}

/** Usage as billed: kWh by period, the total and any kvarh. */
export interface QuoteUsageBilled {
  by_period: Partial<Record<TouPeriod, DecimalString>>;
  kwh: DecimalString;
  kvarh?: DecimalString;
}

export interface TariffRef { code: string; label: Bilingual }

/** `estimate`: a month (`month`) or a year (`year`) from partial usage. */
export type EstimateRequest = QuoteCustomer & { kind: 'estimate'; tariff: string; usage: QuoteUsage } & ({ month: IsoMonth } | { year: number });

/** One month of a year quote. */
export interface QuoteMonth { month: IsoMonth; usage: QuoteUsageBilled; total: DecimalString; average_price?: DecimalString }

/** The figures of a run of monthly bills: one month's bill, or a year's months. */
export interface QuoteBills {
  tariff: TariffRef;
  total: DecimalString;
  energy_kwh: DecimalString;
  /** 元/kWh, 4 decimals; absent with no kWh. */
  average_price?: DecimalString;
  /** One month: the usage as billed and the full bill (`estimate: true`). */
  usage?: QuoteUsageBilled;
  bill?: Bill;
  /** A year: the twelve months. */
  months?: QuoteMonth[];
}

export interface EstimateQuote extends QuoteNotes, QuoteBills { kind: 'estimate'; month?: IsoMonth; year?: number }

/** `forecast`: 本月已用电费 and 本月预计电费. */
export interface ForecastRequest extends QuoteCustomer {
  kind: 'forecast';
  tariff: string;
  /** The billing period, 1–62 days. */
  period: BillPeriodRequest;
  /** The last day the usage covers, within the period. */
  as_of: IsoDate;
  usage: QuoteUsage;
}
export interface ForecastPart { usage: QuoteUsageBilled; total: DecimalString; bill: Bill }
export interface ForecastQuote extends QuoteNotes {
  kind: 'forecast';
  tariff: TariffRef;
  period: { start: IsoDate; end: IsoDate; days: number };
  as_of: IsoDate;
  days_elapsed: number;
  /** The period's bill on the kWh so far. */
  to_date: ForecastPart;
  /** The bill if the remaining days use the same daily average. */
  forecast: ForecastPart;
}

/** `load_shift`: move `shift_percent` of the sharp and peak kWh to the valley. */
export interface LoadShiftRequest extends QuoteCustomer {
  kind: 'load_shift';
  tariff: string;
  month: IsoMonth;
  usage: QuoteUsage;
  /** 0–100. */
  shift_percent: Decimal;
  to?: 'valley' | 'deep_valley';
}
export interface LoadShiftQuote extends QuoteNotes {
  kind: 'load_shift';
  month: IsoMonth;
  shift_percent: DecimalString;
  to: 'valley' | 'deep_valley';
  moved_kwh: { by_period: Partial<Record<TouPeriod, DecimalString>>; total: DecimalString };
  before: ForecastPart;
  after: ForecastPart;
  saving: DecimalString;
  /** × 12, an assumption. */
  annual_saving: DecimalString;
  saving_per_kwh_moved?: DecimalString;
  explanation: Bilingual;
}

/** `charging`: what a charging facility pays; the site decides the tariff. */
export type ChargingRequest = QuoteCustomer & {
  kind: 'charging';
  site: 'centralized_station' | 'public_parking' | 'residential_home' | 'residential_compound' | (string & {});
  usage: QuoteUsage;
  /** 充电服务费, 元/kWh. */
  service_fee?: Decimal;
} & ({ month: IsoMonth } | { year: number });
export interface ChargingQuote extends QuoteNotes, QuoteBills {
  kind: 'charging';
  month?: IsoMonth;
  year?: number;
  site: { code: string; label: Bilingual; citation: Citation };
  /** Centralised stations: the two-part basic charge waived (negative), its last day and citation. */
  basic_exemption?: { amount: DecimalString; until: IsoDate; citation: Citation };
  /** The bill total less the waiver. */
  payable: DecimalString;
  payable_average_price?: DecimalString;
  price_to_driver?: { electricity: DecimalString; service_fee: DecimalString; total: DecimalString };
}

/** {@link PowerDesk.compare}: the plans open to a customer, billed on the same usage. `tariff` is the current plan. */
export type CompareRequest = Omit<QuoteCustomer, 'demand'> & {
  tariff: string;
  usage: QuoteUsage;
  /** The current basis (default `capacity`) and the demand figures the two-part plans are priced on. */
  demand?: Partial<DemandInfo>;
} & ({ month: IsoMonth } | { year: number });
export interface ComparedPlan {
  tariff: TariffRef;
  basis?: 'capacity' | 'contract_demand' | 'actual_demand';
  total: DecimalString;
  energy_kwh: DecimalString;
  average_price?: DecimalString;
  subtotals: Record<LineKind, DecimalString>;
  current: boolean;
  recommended: boolean;
  /** Current total less this plan's (negative: dearer). */
  saving: DecimalString;
}
export interface CompareResult extends QuoteNotes {
  kind: 'compare';
  month?: IsoMonth;
  year?: number;
  group: { code: string; label: Bilingual };
  plans: ComparedPlan[];
  /** Plans the capacity rules out, and demand bases the request had no data for. */
  excluded: { tariff: TariffRef; basis?: 'contract_demand' | 'actual_demand'; reason: Bilingual }[];
  recommendation: { tariff: string; basis?: 'capacity' | 'contract_demand' | 'actual_demand'; saving: DecimalString; explanation: Bilingual };
}
/** What {@link PowerDesk.compare} returns. */
export type CompareResponse = Envelope<CompareResult>;

/** `contract_demand`: the contract demand that minimises the basic charge over the history (docs/quotes-demand.md). */
export interface ContractDemandRequest {
  kind: 'contract_demand';
  region: string;
  /** A two-part tariff. */
  tariff: string;
  capacity_kva: Decimal;
  /** The pack in force on this day prices every history month. */
  date: IsoDate;
  /** 6–12 months (fewer than 12: a warning). */
  history: { month: IsoMonth; max_demand_kw: Decimal; kwh: Decimal }[];
  /** The customer's present arrangement, to report the saving against. */
  current?: { basis: 'capacity' | 'contract_demand' | 'actual_demand'; contract_kw?: Decimal };
}
export interface DemandMonthCharge {
  month: IsoMonth;
  max_demand_kw: DecimalString;
  kwh: DecimalString;
  billed: DecimalString;
  unit: 'kVA' | 'kW';
  unit_price: DecimalString;
  overrun_kw: DecimalString;
  overrun_price?: DecimalString;
  discount: boolean;
  floor_applied: boolean;
  amount: DecimalString;
}
export interface BasisCost {
  basis: 'capacity' | 'contract_demand' | 'actual_demand';
  contract_kw?: DecimalString;
  total: DecimalString;
  months: DemandMonthCharge[];
}
export interface ContractDemandQuote extends QuoteNotes {
  kind: 'contract_demand';
  region: string;
  tariff: string;
  capacity_kva: DecimalString;
  months: number;
  prices: {
    capacity: DecimalString;
    demand: DecimalString;
    overrun_threshold: DecimalString;
    overrun_multiplier: DecimalString;
    overrun_formula: 'threshold_base' | 'contract_base';
    floor_ratio: DecimalString;
  };
  contract_range_kw: { min: DecimalString; max: DecimalString };
  optimal_contract_kw: DecimalString;
  bases: Record<'capacity' | 'contract_demand' | 'actual_demand', BasisCost>;
  recommended_basis: 'capacity' | 'contract_demand' | 'actual_demand';
  recommended_total: DecimalString;
  current?: { basis: 'capacity' | 'contract_demand' | 'actual_demand'; contract_kw?: DecimalString; total: DecimalString; saving: DecimalString };
  explanation: Bilingual;
  warnings: Issue[];
}

/** `power_factor`: the saving from a higher power factor and the compensation it needs (docs/quotes-demand.md). */
export interface PowerFactorRequest extends QuoteCustomer {
  kind: 'power_factor';
  tariff: string;
  month: IsoMonth;
  /** `kvarh` is required. */
  usage: { kwh?: Decimal; kwh_by_period?: Partial<Record<TouPeriod, Decimal>>; kvarh: Decimal };
  /** e.g. `"0.95"`. */
  target_pf: Decimal;
  operating_hours?: Decimal;
}
export interface PowerFactorFigures {
  power_factor: DecimalString;
  kvarh: DecimalString;
  percent: DecimalString;
  base: DecimalString;
  adjustment: DecimalString;
  total: DecimalString;
}
export interface PowerFactorQuote extends QuoteNotes {
  kind: 'power_factor';
  month: IsoMonth;
  kwh: DecimalString;
  standard: string;
  target_pf: DecimalString;
  current: PowerFactorFigures;
  target_above_current: boolean;
  target?: PowerFactorFigures;
  /** Annual = monthly × 12, an assumption. */
  saving: { monthly: DecimalString; annual: DecimalString };
  compensation?: {
    kvarh_to_remove: DecimalString;
    operating_hours: DecimalString;
    hours_source: 'request' | 'calendar_month';
    average_kw: DecimalString;
    kvar: DecimalString;
    max_demand_kw?: DecimalString;
    peak_kvar?: DecimalString;
  };
  explanation: Bilingual;
  warnings: Issue[];
}

/** A pack value with its citation. */
export interface CitedValue { value: DecimalString; citation: Citation }

export type ElectricTechnology =
  | 'electric_boiler' | 'electrode_boiler' | 'air_source_heat_pump' | 'ground_source_heat_pump' | 'electric_kiln';
export type IncumbentTechnology = 'coal_boiler' | 'gas_boiler' | 'oil_boiler' | 'coal_kiln' | 'gas_kiln';

/** `substitution`: 电能替代 economics (docs/quotes-energy.md). */
export interface SubstitutionQuoteRequest {
  kind: 'substitution';
  date: IsoDate;                     // YYYY-MM-DD
  region?: string;                  // required with tariff
  electric: ElectricTechnology;
  incumbent: IncumbentTechnology;   // same use (heat / kiln) as electric
  useful_heat_gj?: Decimal;    // exactly one of useful_heat_gj, fuel_quantity
  fuel_quantity?: Decimal;     // in the fuel's unit: coal/diesel kg, gas m3
  fuel_price: Decimal;         // 元 per fuel unit
  electricity_price?: Decimal; // exactly one of electricity_price, tariff
  tariff?: string;
  profile?: string;                 // only with tariff
  year?: number;                    // only with tariff
  electric_efficiency?: Decimal;   // COP for heat pumps; required for electric_kiln
  incumbent_efficiency?: Decimal;  // required for kilns
  investment: Decimal;         // 元
  om_saving?: Decimal;         // 元/year, may be negative
}

export interface SubstitutionQuoteResult extends QuoteNotes {
  kind: 'substitution';
  useful_heat_gj: DecimalString;
  useful_heat_from: 'given' | 'fuel_quantity';
  electric: {
    technology: ElectricTechnology; name: Bilingual; heat_pump: boolean; efficiency: DecimalString;
    electricity_kwh: DecimalString; electricity_price: DecimalString; annual_cost: DecimalString; tce: DecimalString; co2_t: DecimalString;
  };
  incumbent: {
    technology: IncumbentTechnology; name: Bilingual; fuel: 'coal' | 'natural_gas' | 'diesel' | string;
    fuel_name: Bilingual; unit: 'kg' | 'm3' | string; unit_name: Bilingual; efficiency: DecimalString;
    fuel_quantity: DecimalString; fuel_price: DecimalString; annual_cost: DecimalString; tce: DecimalString; co2_t: DecimalString;
  };
  om_saving: DecimalString;
  annual_saving: DecimalString;           // may be negative
  investment: DecimalString;
  simple_payback_years:DecimalString | null;   // null: never (payback_statement says why)
  payback_statement?: Bilingual;
  break_even_electricity_price:DecimalString | null;
  tce_saving: DecimalString;              // t standard coal, electricity at 当量值 0.1229 kgce/kWh
  co2_saving_t: DecimalString;            // may be negative
  co2_statement?: Bilingual;        // present when the electric option emits MORE CO2
  factors: {
    electricity_kgce_per_kwh: CitedValue;
    grid_co2_kg_per_kwh: CitedValue;
    fuel: { lhv_mj_per_unit: DecimalString; kgce_per_unit: DecimalString; co2_kg_per_unit: DecimalString; citation: Citation };
    electric_efficiency: CitedValue;
    incumbent_efficiency: CitedValue;
  };
}


/** `pv`: 分布式光伏 economics (docs/quotes-energy.md). */
export interface PvQuoteRequest {
  kind: 'pv';
  date: IsoDate;
  region: string;
  category: PvOwner;
  mode: PvMode;
  capacity_kw: Decimal;
  self_use_percent?: Decimal;  // required for surplus_export; 0 / 100 implied otherwise
  yield_kwh_per_kw?: Decimal;  // default: regional pack
  feed_in_price?: Decimal;     // default: regional 燃煤发电基准价
  self_use_price?: Decimal;    // one of self_use_price / tariff when anything is self-used
  tariff?: string;
  profile?: string;
  year?: number;
  investment: Decimal;
}

export interface PvQuoteResult extends QuoteNotes {
  kind: 'pv';
  category: PvOwner; category_name: Bilingual;
  mode: PvMode; mode_name: Bilingual;
  capacity_kw: DecimalString;
  connection: { voltage_v: number; name: Bilingual; citation: Citation };
  yield_kwh_per_kw: DecimalString; yield_from: 'pack' | 'request';
  annual_generation_kwh: DecimalString; self_use_percent: DecimalString; self_used_kwh: DecimalString; exported_kwh: DecimalString;
  self_use_price:DecimalString | null;
  feed_in_price:DecimalString | null;
  feed_in_price_from: 'pack' | 'request' | null;
  annual_saving: DecimalString; feed_in_revenue: DecimalString; annual_benefit: DecimalString; investment: DecimalString;
  simple_payback_years:DecimalString | null;
  payback_statement?: Bilingual;
  category_citation: Citation;
  feed_in_citation?: Citation;
  yield_citation?: Citation;
  warnings: Issue[];            // PD_MODE_NOT_ALLOWED (conditional mode), PD_NUMBER_OUT_OF_RANGE (voltage vs category)
}


/** A {@link PowerDesk.quote} request: its `kind` picks the quote. */
export type QuoteRequest =
  | EstimateRequest
  | ForecastRequest
  | LoadShiftRequest
  | ChargingRequest
  | ContractDemandRequest
  | PowerFactorRequest
  | SubstitutionQuoteRequest
  | PvQuoteRequest;
/** `result` of {@link PowerDesk.quote}; narrow on `kind`. */
export type QuoteResult =
  | EstimateQuote
  | ForecastQuote
  | LoadShiftQuote
  | ChargingQuote
  | ContractDemandQuote
  | PowerFactorQuote
  | SubstitutionQuoteResult
  | PvQuoteResult;
/** What {@link PowerDesk.quote} returns. */
export type QuoteResponse = Envelope<QuoteResult>;

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
   * Classifies a customer's star tier (星级客户) with the services it is owed
   * and the trace of every rule it meets (docs/star-tiers.md).
   * @param request the request, as an object or JSON text
   */
  tier(request: StarTierRequest | string): StarTierResponse;

  /**
   * Decides whether a business request can be accepted (eligible, manual
   * review, not eligible) with every reason and the supply decisions that go
   * with it (docs/eligibility.md).
   * @param request the request, as an object or JSON text
   */
  eligibility(request: EligibilityRequest | string): EligibilityResponse;

  /**
   * Gives one application's steps and due dates on the holiday calendar, or
   * (with `{region, date}`) the business catalogue in force (docs/process.md).
   * @param request the request, as an object or JSON text
   */
  process(request: ProcessApplicationRequest): ProcessResponse;
  process(request: ProcessCatalogueRequest): ProcessCatalogueResponse;
  process(request: ProcessRequest | string): Envelope<ProcessResult | ProcessCatalogue>;

  /**
   * Validates an application (报装): every issue at once — identity, names,
   * address, documents, and the eligibility and supply rules — with the
   * documents checklist (docs/applications.md). Only malformed JSON or a
   * non-object fails the envelope.
   * @param request the application, as an object or JSON text
   */
  validate(request: ApplicationRequest | string): ApplicationResponse;

  /** {@link validate}, returning the canonical envelope text. */
  validateJson(request: ApplicationRequest | string): string;

  /**
   * Finds likely duplicate records (customer number, name, address, contact,
   * phone) with per-field scores and an explanation (docs/dedupe.md). Names
   * are compared by pinyin only once {@link loadTextData} has resolved.
   * @param request the records, as an object or JSON text
   */
  dedupe(request: DedupeRequest | string): DedupeResponse;

  /** {@link dedupe}, returning the canonical envelope text. */
  dedupeJson(request: DedupeRequest | string): string;

  /**
   * Ranks candidate records against one record (docs/dedupe.md).
   * @param request the record and candidates, as an object or JSON text
   */
  match(request: MatchRequest | string): MatchResponse;

  /** {@link match}, returning the canonical envelope text. */
  matchJson(request: MatchRequest | string): string;

  /**
   * An instant quote from the same rules as the bill (docs/quotes.md): the
   * request's `kind` is estimate, forecast, load_shift, charging,
   * contract_demand, power_factor, substitution or pv. Every result says it
   * is an estimate and lists the packs and assumptions it used.
   * @param request the request, as an object or JSON text
   */
  quote(request: QuoteRequest | string): QuoteResponse;

  /** {@link quote}, returning the canonical envelope text. */
  quoteJson(request: QuoteRequest | string): string;

  /**
   * Compares the plans open to a customer (TOU or not; single- or two-part
   * and each demand basis) on the same usage, with a recommendation.
   * @param request the current plan and usage, as an object or JSON text
   */
  compare(request: CompareRequest | string): CompareResponse;

  /** {@link compare}, returning the canonical envelope text. */
  compareJson(request: CompareRequest | string): string;

  /** {@link tier}, returning the canonical envelope text. */
  tierJson(request: StarTierRequest | string): string;

  /** {@link eligibility}, returning the canonical envelope text. */
  eligibilityJson(request: EligibilityRequest | string): string;

  /** {@link process}, returning the canonical envelope text. */
  processJson(request: ProcessRequest | string): string;

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
