// JSON pointers (RFC 6901, without escapes: the request's names have no '/' or '~')
// to read and write the nested facts of a form by the path the core names.
export type Json = Record<string, unknown>;

export function getAt(obj: Json, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('/').slice(1)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Json)[part];
  }
  return cur;
}

/** Sets a value; `undefined` or '' removes it (and empty parents), so the request carries only what was entered. */
export function setAt(obj: Json, path: string, value: unknown): void {
  const parts = path.split('/').slice(1);
  const chain: Json[] = [obj];
  let cur = obj;
  for (const part of parts.slice(0, -1)) {
    if (cur[part] === null || typeof cur[part] !== 'object') cur[part] = {};
    cur = cur[part] as Json;
    chain.push(cur);
  }
  const last = parts[parts.length - 1];
  if (value === undefined || value === '') delete cur[last];
  else cur[last] = value;
  for (let i = chain.length - 1; i > 0; i--) {
    if (Object.keys(chain[i]).length > 0) break;
    delete chain[i - 1][parts[i - 1]];
  }
}
