// The course in a real browser: Debian's jupyter-notebook on 127.0.0.1 with a token, driven by
// Debian's chromium through playwright-core (no browser download). Runs all cells of
// pytorch-basics.ipynb on the jtorch kernel and checks what a student sees.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ARTIFACTS, ROOT, installKernel, scratchDir, startJupyter } from './helpers.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run'];
const COURSE = 'pytorch-basics.ipynb';

let server;
let browser;
let page;

before(async () => {
  const work = scratchDir('browser');
  const jupyterPath = installKernel(join(work, '..', 'jupyter prefix'));
  // The course without its committed outputs: everything the page shows comes from this run.
  const course = JSON.parse(readFileSync(join(ROOT, 'notebooks', COURSE), 'utf8'));
  for (const c of course.cells.filter((c) => c.cell_type === 'code')) {
    c.outputs = [];
    c.execution_count = null;
  }
  writeFileSync(join(work, COURSE), JSON.stringify(course));
  server = await startJupyter('notebook', { rootDir: work, jupyterPath, logName: 'jupyter-notebook.log' });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.goto(`${server.baseUrl}notebooks/${encodeURIComponent(COURSE)}?token=${server.token}`);
  await page.waitForSelector('#kernel_indicator_icon.kernel_idle_icon', { timeout: 90_000 });
});

after(async () => {
  if (page) await page.screenshot({ path: join(ARTIFACTS, 'browser-last-state.png') }).catch(() => {});
  await browser?.close();
  await server?.stop();
});

/** Runs every cell through the Cell > Run All menu and waits until all have finished. */
async function runAll() {
  await page.click('#celllink');
  await page.click('#run_all_cells > a');
  await page.waitForFunction(() => Jupyter.notebook.get_cells().every((c) => c.cell_type !== 'code'
      || !c.get_text().trim() || (c.input_prompt_number !== '*' && c.input_prompt_number != null)),
  null, { timeout: 180_000, polling: 250 });
  await page.waitForSelector('#kernel_indicator_icon.kernel_idle_icon');
}

/** The cell whose source (trimmed) equals `source`, or contains it when `exact` is false. */
async function cell(source, exact = true) {
  const index = await page.evaluate(([src, ex]) => Jupyter.notebook.get_cells().findIndex(
    (c) => (ex ? c.get_text().trim() === src : c.get_text().includes(src))), [source, exact]);
  assert.ok(index >= 0, `no cell with ${source}`);
  return page.locator('#notebook-container > .cell').nth(index);
}

test('running all cells shows tensor cards, printed tensors and the two lesson errors', async () => {
  assert.equal(await page.locator('.output_area').count(), 0, 'the page starts without outputs');
  await runAll();
  // `?torch.tensor` opened the pager with the javadoc, as IPython's `?` does.
  const pager = page.locator('#pager');
  await pager.waitFor({ state: 'visible' });
  assert.match(await pager.innerText(), /torch\.tensor\(/);
  await page.evaluate(() => Jupyter.pager.collapse());
  await pager.waitFor({ state: 'hidden' });

  const card = (await cell('x1')).locator('.output_html').first();
  await card.waitFor({ state: 'visible' });
  assert.match(await card.innerText(), /requires_grad/);

  for (const printed of ['tensor([[1, 2, 3],', 'tensor([[100,   2,   3],', 'torch.Size([2, 1, 3])',
    'tensor(5., grad_fn=<AddBackward0>)']) {
    await page.locator('.output_stdout', { hasText: printed }).first().waitFor({ state: 'visible' });
  }

  const errors = page.locator('.output_error');
  assert.equal(await errors.count(), 2);
  assert.ok(await errors.nth(0).isVisible() && await errors.nth(1).isVisible());
  assert.match(await errors.nth(0).innerText(), /NullPointerException/);
  assert.match(await errors.nth(0).innerText(), /grad\(\)/);
  assert.match(await errors.nth(1).innerText(),
    /element 0 of tensors does not require grad and does not have a grad_fn/);

  await page.screenshot({ path: join(ARTIFACTS, 'pytorch-basics-full.png'), fullPage: true });
  // What the README shows: part two from the first error to the gradients after backward().
  const from = await (await cell('print(x1.grad().data());\nprint(x2.grad().data());\nprint(y.grad', false)).boundingBox();
  const to = await (await cell('// 反向传播后看导数大小', false)).boundingBox();
  await page.screenshot({ path: join(ARTIFACTS, 'pytorch-basics-card-and-error.png'), fullPage: true,
    clip: { x: 0, y: Math.max(0, from.y - 10), width: 1280, height: to.y + to.height - from.y + 20 } });
});

test('Tab completes torch.ze and Shift-Tab shows help', async () => {
  const scratch = page.locator('.cell.code_cell').last();
  await scratch.locator('.CodeMirror').click();
  await page.keyboard.type('torch.ze');
  await page.keyboard.press('Tab');
  await page.waitForSelector('#complete select', { timeout: 15_000 });
  const options = await page.locator('#complete select option').allInnerTexts();
  assert.ok(options.some((o) => /zeros/.test(o)), `completions: ${options}`);
  assert.ok(options.every((o) => /ze/.test(o)), `completions: ${options}`);
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+a');
  await page.keyboard.type('torch.tensor(');
  await page.keyboard.press('Shift+Tab');
  const tooltip = page.locator('#tooltip');
  await tooltip.waitFor({ state: 'visible', timeout: 15_000 });
  assert.match(await tooltip.innerText(), /tensor/);
  await page.screenshot({ path: join(ARTIFACTS, 'browser-shift-tab.png') });
});
