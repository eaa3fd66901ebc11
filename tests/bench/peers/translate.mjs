// One PowerDesk decision table (pack JSON) as the peers write the same rules:
// a GoRules JDM graph (input → decision table → output) and json-rules-engine
// rules.
//
// Hit policies: FIRST and COLLECT map one to one. MAX (the star-tier table)
// has no JDM equivalent, so the JDM rows are ordered by output, highest
// first, under FIRST (the first match is then the maximum); the
// json-rules-engine rules fire all matches and the driver takes the maximum.
// A default row becomes JDM's last, all-empty row and the driver's fallback
// for json-rules-engine.

const zenOps = { '>=': '>=', '>': '>', '<=': '<=', '<': '<', '=': '==', '!=': '!=' };
const jreOps = { '>=': 'greaterThanInclusive', '>': 'greaterThan', '<=': 'lessThanInclusive', '<': 'lessThan',
  '=': 'equal', '!=': 'notEqual' };
const lit = (v) => (typeof v === 'string' ? JSON.stringify(v) : String(v));

// The JDM unary expression of one cell ("" = any).
function zenCell(cell) {
  if (cell === undefined) return '';
  if (Array.isArray(cell)) return cell.map(lit).join(', ');
  if (typeof cell !== 'object') return lit(cell);
  const parts = [];
  for (const [op, v] of Object.entries(cell)) {
    if (op === 'between') parts.push(`$ >= ${lit(v[0])} and $ <= ${lit(v[1])}`);
    else if (op === 'in') parts.push(`$ in [${v.map(lit).join(', ')}]`);
    else if (op === 'not_in') parts.push(`not ($ in [${v.map(lit).join(', ')}])`);
    else parts.push(`$ ${zenOps[op]} ${lit(v)}`);
  }
  return parts.join(' and ');
}

// json-rules-engine conditions of one cell.
function jreCell(fact, cell) {
  if (cell === undefined) return [];
  if (Array.isArray(cell)) return [{ fact, operator: 'in', value: cell }];
  if (typeof cell !== 'object') return [{ fact, operator: 'equal', value: cell }];
  const out = [];
  for (const [op, v] of Object.entries(cell)) {
    if (op === 'between') out.push({ fact, operator: 'greaterThanInclusive', value: v[0] },
      { fact, operator: 'lessThanInclusive', value: v[1] });
    else if (op === 'in') out.push({ fact, operator: 'in', value: v });
    else if (op === 'not_in') out.push({ fact, operator: 'notIn', value: v });
    else out.push({ fact, operator: jreOps[op], value: v });
  }
  return out;
}

// Rank of a row's first output: its enum position, or the number itself.
function ranker(table) {
  const o = table.outputs[0];
  return (then) => (o.values ? o.values.indexOf(then[o.name]) : then[o.name]);
}

export function tableToZen(table) {
  const rank = ranker(table);
  let rows = table.rows.map((r, i) => ({ r, i }));
  if (table.hit_policy === 'MAX') rows.sort((a, b) => rank(b.r.then) - rank(a.r.then) || a.i - b.i);
  const inputs = table.inputs.map((name, k) => ({ id: `in${k}`, name, field: name }));
  const outputs = table.outputs.map((o, k) => ({ id: `out${k}`, name: o.name, field: o.name }));
  const rule = (r, id) => {
    const x = { _id: id };
    table.inputs.forEach((name, k) => { x[`in${k}`] = zenCell(r.when?.[name]); });
    table.outputs.forEach((o, k) => { x[`out${k}`] = lit(r.then[o.name]); });
    return x;
  };
  const rules = rows.map(({ r }) => rule(r, r.id));
  if (table.default) rules.push(rule({ when: {}, then: table.default.then }, 'default'));
  const hitPolicy = table.hit_policy === 'COLLECT' ? 'collect' : 'first';
  return {
    nodes: [
      { id: 'input', type: 'inputNode', name: 'input', position: { x: 0, y: 0 } },
      { id: 'table', type: 'decisionTableNode', name: 'table', position: { x: 200, y: 0 },
        content: { hitPolicy, inputs, outputs, rules } },
      { id: 'output', type: 'outputNode', name: 'output', position: { x: 400, y: 0 } },
    ],
    edges: [
      { id: 'e1', type: 'edge', sourceId: 'input', targetId: 'table' },
      { id: 'e2', type: 'edge', sourceId: 'table', targetId: 'output' },
    ],
  };
}

export function tableToJre(table) {
  const o = table.outputs[0].name;
  return {
    policy: table.hit_policy,
    default: table.default ? table.default.then[o] : null,
    rank: table.outputs[0].values ?? null,
    rules: table.rows.map((r, i) => ({
      name: r.id,
      conditions: { all: table.inputs.flatMap((name) => jreCell(name, r.when?.[name])) },
      event: { type: 'row', params: { row: i, value: r.then[o] } },
    })),
  };
}
