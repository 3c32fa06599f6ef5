// Screen-level checks in the real workbench, driven through Chromium like a user would: what is on
// the screen, not what the API returns. Each check saves the screenshot the README shows. DOM
// selectors are VS Code internals (1.100), so the checks stay few and look only at stable widgets:
// the suggest widget, squiggles, the hover, the code action menu and the status bar.
/// <reference lib="dom" /> -- the callbacks given to evaluateAll run in the page
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

/** The task definition the screenshots show: one good reference, one typo, one value to complete. */
export const SCREEN_TASK = `{
  "family": "checkout",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "256",
  "memory": "512",
  "executionRoleArn": "arn:aws:iam::111122223333:role/ecsTaskExecutionRole",
  "containerDefinitions": [
    {
      "name": "api",
      "image": "public.ecr.aws/nginx/nginx:1.27",
      "essential": true,
      "secrets": [
        { "name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:eu-west-1:111122223333:parameter/prod/db-pass" },
        { "name": "STRIPE_KEY", "valueFrom": "/prod/stripe-kye" },
        { "name": "API_KEY", "valueFrom": "" }
      ]
    }
  ]
}
`;

/** Where `needle` ends in SCREEN_TASK, as Go to Line takes it (1-based "line:column"). */
function after(needle: string): string {
  const lines = SCREEN_TASK.slice(0, SCREEN_TASK.indexOf(needle) + needle.length).split('\n');
  return `${lines.length}:${lines[lines.length - 1].length + 1}`;
}
const TYPO = after('"/prod/stripe'); // inside "/prod/stripe-kye"
const EMPTY_VALUE = after('"API_KEY", "valueFrom": "'); // between the quotes

export interface ScreenCheck {
  name: string;
  error?: string;
}

/**
 * Runs the checks in a new window on `url`; pictures of passing checks go to `screenshots`, a
 * picture of the screen at each failure to `failures`.
 */
export async function runScreenChecks(page: Page, url: string, screenshots: string, failures: string): Promise<ScreenCheck[]> {
  const results: ScreenCheck[] = [];
  const check = async (name: string, body: () => Promise<void>) => {
    try {
      await body();
      results.push({ name });
      console.log(`  ✔ ${name}`);
    } catch (error) {
      results.push({ name, error: String(error) });
      console.log(`  ✘ ${name}: ${String(error).split('\n')[0]}`);
      await page.screenshot({ path: join(failures, `${name.replace(/\W+/g, '-')}.png`) }).catch(() => undefined);
      await page.keyboard.press('Escape');
    }
  };

  await page.goto(url);
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
  await quickOpen(page, 'taskdef.json');
  await page.waitForSelector('.monaco-editor .view-lines:has-text("checkout")', { timeout: 30_000 });
  await page.keyboard.press('Control+B'); // the side bar off: the whole lines fit in the pictures

  await check('the status bar shows the account, region and catalog counts', async () => {
    const item = page.locator('.statusbar-item:has-text("AWS:")');
    await waitForText(item, /AWS: 111122223333 eu-west-1 · 4 secrets · 5 parameters/, 60_000);
    const bar = (await page.locator('.part.statusbar').boundingBox())!;
    const clip = { x: bar.x + bar.width / 2, y: bar.y, width: bar.width / 2, height: bar.height };
    await page.screenshot({ path: join(screenshots, 'status-bar.png'), clip });
  });

  await check('the parts of an ARN are coloured apart from the rest of the string', async () => {
    // Monaco renders one span per token; without the injection grammar the whole string is one.
    const colours = await page
      .locator('.monaco-editor .view-line span > span')
      .evaluateAll((spans) => Object.fromEntries(spans.map((span) => [span.textContent ?? '', getComputedStyle(span).color])));
    const account = colours['111122223333'];
    const plainString = colours['"checkout"'];
    if (!account || !plainString || account === plainString || colours['arn'] === plainString) {
      throw new Error(`token colours: ${JSON.stringify(colours)}`);
    }
  });

  await check('the typo and the empty value are squiggled and listed in Problems with their codes', async () => {
    await page.waitForSelector('.monaco-editor .squiggly-warning', { timeout: 30_000 });
    await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 10_000 });
    await waitForAttribute(page.locator('#status\\.problems'), 'aria-label', /Errors: 1, Warnings: 1/, 10_000);
    await page.keyboard.press('Control+Shift+M');
    const markers = page.locator('.markers-panel');
    await waitForText(markers, /Parameter "\/prod\/stripe-kye" was not found[\s\S]*reference-not-found/, 10_000);
    await waitForText(markers, /valueFrom is empty[\s\S]*arn-malformed/, 1_000);
    await page.screenshot({ path: join(screenshots, 'diagnostics.png') });
    await page.keyboard.press('Control+Shift+M'); // back to the editor, panel closed
  });

  await check('hovering the typo shows the message with the closest name', async () => {
    await page.locator('.monaco-editor .view-line span:has-text("stripe-kye")').last().hover();
    const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden)');
    await waitForText(
      hover,
      /Parameter "\/prod\/stripe-kye" was not found in 111122223333\/eu-west-1[\s\S]*Closest: "\/prod\/stripe-key"/,
      15_000,
    );
    await waitForText(hover, /reference-not-found/, 1_000);
    await page.waitForTimeout(500); // the hover fades in; a picture taken at once is half transparent
    await page.screenshot({ path: join(screenshots, 'hover.png') });
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
  });

  await check('the quick fix menu offers the closest name, and choosing it rewrites the value', async () => {
    await goTo(page, TYPO);
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row.focused:has-text("Change to \\"/prod/stripe-key\\"")');
    await fix.waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(screenshots, 'quick-fix.png') });
    await page.keyboard.press('Enter');
    await waitForText(page.locator('.monaco-editor .view-lines'), /"STRIPE_KEY", "valueFrom": "\/prod\/stripe-key" \}/, 10_000);
    await waitForAttribute(page.locator('#status\\.problems'), 'aria-label', /^Errors: 1, Infos: 1$/, 10_000);
  });

  await check('the suggest widget lists secrets and parameters while typing in valueFrom', async () => {
    await goTo(page, EMPTY_VALUE);
    await page.keyboard.type('api', { delay: 50 });
    const rows = page.locator('.suggest-widget.visible .monaco-list-row');
    for (let attempt = 0; ; attempt++) {
      const labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
      if (labels.some((l) => l.includes('/prod/api-key')) && labels.some((l) => l.includes('prod/api-token'))) break;
      if (attempt === 20) throw new Error(`suggest rows: ${JSON.stringify(labels)}`);
      if (labels.length) await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Space');
      // Wait for the list to open (not a fixed time); one that stays closed is asked again.
      await rows
        .first()
        .waitFor({ timeout: 2_000 })
        .catch(() => undefined);
    }
    // The details beside the list (toggled with Ctrl+Space) show the focused entry's ARN.
    const details = page.locator('.suggest-details').first();
    const arn = /ARN: arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod\/api-token-[A-Za-z0-9]{6}/;
    // Ctrl+Space toggles them: pressed while they are still being drawn it hides them again, so the
    // toggle is retried (at most three times) until the ARN shows.
    for (let toggle = 0; ; toggle++) {
      if (!(await details.isVisible())) await page.keyboard.press('Control+Space');
      try {
        await waitForText(details, arn, 5_000);
        break;
      } catch (error) {
        if (toggle === 2) throw error;
      }
    }
    await page.screenshot({ path: join(screenshots, 'completion.png') });
    await rows.filter({ hasText: '/prod/api-key' }).first().click();
    await waitForText(
      page.locator('.monaco-editor .view-lines'),
      /"API_KEY", "valueFrom": "arn:aws:ssm:eu-west-1:111122223333:parameter\/prod\/api-key" \}/,
      10_000,
    );
  });

  return results;
}

async function quickOpen(page: Page, file: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(file);
  await page.waitForSelector(`.quick-input-list .monaco-list-row:has-text("${file}")`, { timeout: 20_000 });
  await page.keyboard.press('Enter');
}

/** Puts the cursor at line:column with Go to Line, which takes both. */
async function goTo(page: Page, lineColumn: string): Promise<void> {
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(lineColumn);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.quick-input-widget', { state: 'hidden' });
}

/** Waits until the element's visible text (spaces normalised: the editor renders U+00A0) matches. */
function waitForText(locator: Locator, pattern: RegExp, timeout: number): Promise<void> {
  const read = () => locator.first().innerText({ timeout: 1_000 });
  return poll(async () => (await read()).replace(/\u00a0/g, ' '), pattern, timeout, 'on screen');
}

function waitForAttribute(locator: Locator, name: string, pattern: RegExp, timeout: number): Promise<void> {
  return poll(async () => (await locator.first().getAttribute(name, { timeout: 1_000 })) ?? '', pattern, timeout, `in ${name}`);
}

/** Reads until the value matches or the time is up; a read that fails counts as an empty value. */
async function poll(read: () => Promise<string>, pattern: RegExp, timeout: number, where: string): Promise<void> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = await read().catch(() => '');
    if (pattern.test(last)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`expected ${pattern} ${where}, saw ${JSON.stringify(last.slice(0, 400))}`);
}
