// Calls to the PowerDesk server (same origin). Every answer is the facade's
// envelope; a failed network is told apart from an answer, so callers can
// queue work for later instead of showing an error.
import type { Issue } from '@powerdesk/core';

export class NetworkError extends Error {}

export interface ServerAnswer<T> {
  status: number;
  ok: boolean;
  result?: T;
  errors?: Issue[];
  /** The whole parsed body (intake 422 answers carry a `report` beside `errors`). */
  body: Record<string, unknown>;
}

export async function postJson<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<ServerAnswer<T>> {
  let r: Response;
  try {
    r = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  } catch (e) {
    throw new NetworkError(e instanceof Error ? e.message : String(e));
  }
  let parsed: Record<string, unknown> = {};
  try {
    parsed = (await r.json()) as Record<string, unknown>;
  } catch {
    // A proxy's HTML error page: keep the status, no body.
  }
  return {
    status: r.status,
    ok: parsed.ok === true,
    result: parsed.result as T | undefined,
    errors: parsed.errors as Issue[] | undefined,
    body: parsed,
  };
}
