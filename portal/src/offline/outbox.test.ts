import { beforeEach, describe, expect, it } from 'vitest';
import { NetworkError, type ServerAnswer } from '../api/http';
import { session } from '../session';
import { memoryKeyValue, useStorage, saveDraft, loadDraft, clearDraft, newIdempotencyKey } from './drafts';
import { flushOutbox, loadOutbox, outbox, submitApplication, type SubmissionReceipt } from './outbox';

const body = { application: { region: 'zhejiang', business: 'new_lv_residential' } as never };
const receipt = { number: 'PD20250602000001', secret: 'AAAA-BBBB-CCCC-DDDD' } as SubmissionReceipt;

/** A fake server that stores one application per key, like the real one. */
function fakeServer() {
  const stored = new Map<string, string>();
  const calls: string[] = [];
  let up = true;
  const post = async (_p: string, b: unknown, h: Record<string, string>): Promise<ServerAnswer<SubmissionReceipt>> => {
    calls.push(h['Idempotency-Key']);
    if (!up) throw new NetworkError('offline');
    const key = h['Idempotency-Key'];
    const replay = stored.has(key);
    stored.set(key, JSON.stringify(b));
    return { status: replay ? 200 : 201, ok: true, result: { ...receipt, replayed: replay }, body: {} };
  };
  return { post, stored, calls, setUp: (v: boolean) => (up = v) };
}

beforeEach(() => {
  useStorage(memoryKeyValue());
  outbox.entries.splice(0);
  session.online = true;
});

describe('drafts', () => {
  it('saves, restores and clears the draft with its key', async () => {
    const key = newIdempotencyKey();
    expect(key).toMatch(/^[A-Za-z0-9_.:-]{8,128}$/);
    await saveDraft({ form: { name: '张三' }, step: 2, idempotencyKey: key }, new Date('2025-06-02T02:00:00Z'));
    expect(await loadDraft()).toEqual({ form: { name: '张三' }, step: 2, idempotencyKey: key, savedAt: '2025-06-02T02:00:00.000Z' });
    await clearDraft();
    expect(await loadDraft()).toBeUndefined();
  });
});

describe('outbox', () => {
  it('queues while offline and sends once with the stored key when back online', async () => {
    const server = fakeServer();
    session.online = false;
    const e = await submitApplication('key-00000001', body, server.post);
    expect(e.state).toBe('queued');
    expect(server.calls).toEqual([]);
    // A reload: the entry comes back from storage.
    outbox.entries.splice(0);
    expect((await loadOutbox()).map((x) => x.state)).toEqual(['queued']);
    session.online = true;
    const [sent] = await flushOutbox(server.post);
    expect(sent.state).toBe('sent');
    expect(sent.receipt?.number).toBe('PD20250602000001');
    // Reconnecting again sends nothing more.
    await flushOutbox(server.post);
    expect(server.calls).toEqual(['key-00000001']);
    expect(server.stored.size).toBe(1);
  });

  it('keeps an entry queued when the network fails during the send', async () => {
    const server = fakeServer();
    server.setUp(false);
    const e = await submitApplication('key-00000002', body, server.post);
    expect(e.state).toBe('queued');
    expect(e.attempts).toBe(1);
    server.setUp(true);
    const [sent] = await flushOutbox(server.post);
    expect(sent.state).toBe('sent');
    expect(server.calls).toEqual(['key-00000002', 'key-00000002']);
  });

  it('two flushes at once share one run', async () => {
    const server = fakeServer();
    session.online = false;
    await submitApplication('key-00000003', body, server.post);
    session.online = true;
    await Promise.all([flushOutbox(server.post), flushOutbox(server.post)]);
    expect(server.calls).toEqual(['key-00000003']);
  });

  it('a 422 is a refusal with the server report; 503 stays queued', async () => {
    const report = { valid: false, issues: [] };
    const refuse = async (): Promise<ServerAnswer<SubmissionReceipt>> => ({
      status: 422, ok: false, errors: [{ code: 'PD_PHONE_INVALID', path: '/application/contact/phone', severity: 'error', message: { zh: 'x', en: 'x' } }], body: { report },
    });
    const r = await submitApplication('key-00000004', body, refuse);
    expect(r.state).toBe('rejected');
    expect(r.errors?.[0].path).toBe('/application/contact/phone');
    expect(r.report).toEqual(report);
    const busy = async (): Promise<ServerAnswer<SubmissionReceipt>> => ({ status: 503, ok: false, body: {} });
    expect((await submitApplication('key-00000005', body, busy)).state).toBe('queued');
  });
});
