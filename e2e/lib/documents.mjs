// The 在线报装 documents checklist, shared by the apply tests.
import assert from 'node:assert/strict';

/**
 * Ticks each named document. Clicks until the box is checked (never a checked
 * box): a click landing while the checklist re-renders with the core's newest
 * report must not leave a document unticked.
 */
export async function tickDocuments(page, names) {
  const docs = page.getByTestId('field-documents');
  for (const name of names) {
    const box = docs.getByRole('checkbox', { name, exact: true });
    for (let tries = 0; !(await box.isChecked()) && tries < 5; tries++) {
      await docs.getByText(name, { exact: true }).click();
      await page.waitForTimeout(300); // let Vue re-render the box from the form
    }
    assert.equal(await box.isChecked(), true, name);
  }
}
