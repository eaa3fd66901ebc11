// A second PowerDesk server for tests that need their own rules or database
// (the main one is started by e2e/run.sh). Stopped with `stop()`.
import { spawn } from 'node:child_process';
import { mkdtempSync, cpSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';

export const RULES = process.env.E2E_RULES ?? join(import.meta.dirname, '..', '..', 'rules');
export const PORTAL = process.env.E2E_PORTAL ?? join(import.meta.dirname, '..', '..', 'portal', 'dist');

/** A writable copy of the rules directory, to edit a pack. */
export function copyRules() {
  const dir = join(mkdtempSync(join(tmpdir(), 'pd-e2e-rules-')), 'rules');
  cpSync(RULES, dir, { recursive: true });
  return dir;
}

export async function startServer({ rules = RULES, today = process.env.E2E_TODAY ?? '2025-06-02', port = 0, db = '' } = {}) {
  const bin = process.env.E2E_POWERDESK;
  if (!bin) throw new Error('E2E_POWERDESK is not set: run the tests through e2e/run.sh');
  const dir = mkdtempSync(join(tmpdir(), 'pd-e2e-server-'));
  mkdirSync(dir, { recursive: true });
  const child = spawn(bin, ['--rules', rules, 'serve', '--host', '127.0.0.1', '--port', String(port), '--db', db || join(dir, 'pd.db'),
    '--portal', PORTAL, '--today', today, '--access-log', ''], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const bound = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /^listening (\d+)/m.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
  });
  return {
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    async stop() {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}
