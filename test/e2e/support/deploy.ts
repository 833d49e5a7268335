// The deploy a user makes from the library in the browser: pick the
// template, open the deploy dialog, name the stack, preview it with Heat and
// create it. Resolves once the new stack's page is open.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export async function deployFromLibrary(page: Page, template: string, stackName: string, tags: string[] = []): Promise<void> {
  await page.getByTestId(`template-${template}`).click();
  await page.getByTestId('deploy').click();
  await page.getByTestId('deploy-name').fill(stackName);
  for (const tag of tags) {
    await page.getByTestId('tag-input').fill(tag);
    await page.getByTestId('tag-input').press('Enter');
  }
  await page.getByTestId('deploy-preview-button').click();
  await page.getByTestId('deploy-preview').waitFor();
  await page.getByTestId('deploy-create').click();
  // Polled: the stacks screen may still show the stack it showed before for a moment.
  await expect.poll(() => page.getByTestId('stack-name').textContent(), { timeout: 30_000 }).toBe(stackName);
}

/** The `value` of the datalist option whose label starts with `name` (what picking it in the list types). */
export async function optionValue(page: Page, param: string, name: string): Promise<string> {
  const options = page.getByTestId(`choices-${param}`).locator('option');
  await expect.poll(() => options.count(), { timeout: 30_000 }).toBeGreaterThan(0);
  const all = await options.evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, label: (o as HTMLOptionElement).label })));
  const hit = all.find((o) => o.label.startsWith(`${name} — `));
  if (!hit) throw new Error(`no "${name}" among ${param}'s choices: ${all.map((o) => o.label).join('; ')}`);
  return hit.value;
}
