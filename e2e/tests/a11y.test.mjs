// Accessibility of every page, checked by axe-core (WCAG 2.1 A and AA rules:
// labels, names, contrast, landmarks, keyboard focusability) at desktop and
// phone width, in both languages. A violation fails with its rule and nodes.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launch, openPortal } from '../lib/browser.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

async function violations(page) {
  // Injected through the debugging protocol (page.evaluate), which the page's CSP does not govern.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await globalThis.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

test('the checker itself reports a violation planted in the page', async () => {
  const { page, context } = await openPortal(browser);
  await page.evaluate(() => {
    const input = document.createElement('input'); // no label, no name
    document.querySelector('main')?.append(input);
  });
  const found = await violations(page);
  assert.ok(found.some((v) => v.startsWith('label ')), found.join('\n'));
  await context.close();
});

for (const path of ['/quote', '/apply', '/bill', '/tier']) {
  for (const [label, viewport, lang] of [['desktop zh', { width: 1280, height: 900 }, 'zh'], ['phone en', { width: 375, height: 800 }, 'en']]) {
    test(`${path} (${label}) has no WCAG 2.1 AA violations`, async () => {
      const { page, context, assertClean } = await openPortal(browser, { path, viewport });
      if (lang === 'en') await page.getByRole('button', { name: 'EN' }).click();
      await page.waitForLoadState('networkidle');
      assert.deepEqual(await violations(page), []);
      assertClean(assert);
      await context.close();
    });
  }
}
