// Figures in a real browser: Debian's jupyter-notebook driven by Debian's chromium. A live loss
// plot must be redrawn in place while its cell runs (one output whose picture changes), the
// progress bar must reach its total, and the autograd graph must appear as a decoded picture.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ARTIFACTS, installKernel, scratchDir, startJupyter } from './helpers.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run'];
const NOTEBOOK = 'figures.ipynb';
const CELLS = [
  'var x1 = torch.tensor(1.0, true);\nvar y = x1.add(torch.mul(2, x1));\nmakeDot(y)',
  'var losses = new ArrayList<Double>();\nvar chart = display(plot(losses).title("loss"));\n'
    + 'for (int epoch : trange(30, "train")) {\n    losses.add(Math.exp(-epoch / 5.0));\n'
    + '    updateDisplay(chart, plot(losses).title("loss"));\n    Thread.sleep(100);\n}',
];

let server;
let browser;
let page;

before(async () => {
  const work = scratchDir('figures');
  const jupyterPath = installKernel(join(work, '..', 'jupyter prefix'));
  const nb = {
    nbformat: 4, nbformat_minor: 5,
    metadata: { kernelspec: { name: 'jtorch', display_name: 'Java (JTorch)', language: 'java' } },
    cells: CELLS.map((source, i) => ({ id: `cell-${i}`, cell_type: 'code', metadata: {}, source,
      outputs: [], execution_count: null })),
  };
  writeFileSync(join(work, NOTEBOOK), JSON.stringify(nb));
  server = await startJupyter('notebook', { rootDir: work, jupyterPath, logName: 'jupyter-notebook-figures.log' });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.goto(`${server.baseUrl}notebooks/${NOTEBOOK}?token=${server.token}`);
  await page.waitForSelector('#kernel_indicator_icon.kernel_idle_icon', { timeout: 90_000 });
});

after(async () => {
  if (page) await page.screenshot({ path: join(ARTIFACTS, 'figures-last-state.png'), fullPage: true }).catch(() => {});
  await browser?.close();
  await server?.stop();
});

/** Records every picture shown in cell `index` while it runs (as src length + tail, to tell them apart). */
async function watchPictures(index) {
  await page.evaluate((i) => {
    window.seenPictures = new Set();
    const cell = document.querySelectorAll('#notebook-container > .cell')[i];
    const note = () => cell.querySelectorAll('.output_png img, .output_area img')
      .forEach((img) => window.seenPictures.add(`${img.src.length}:${img.src.slice(-40)}`));
    new MutationObserver(note).observe(cell, { subtree: true, childList: true, attributes: true, attributeFilter: ['src'] });
  }, index);
}

async function runCell(index) {
  await page.evaluate((i) => {
    Jupyter.notebook.select(i);
    Jupyter.notebook.execute_cells([i]);
  }, index);
  await page.waitForFunction((i) => {
    const c = Jupyter.notebook.get_cell(i);
    return c.input_prompt_number !== '*' && c.input_prompt_number != null;
  }, index, { timeout: 120_000, polling: 100 });
}

test('the autograd graph appears as a picture', async () => {
  await runCell(0);
  const img = page.locator('#notebook-container > .cell').nth(0).locator('.output_area img');
  await img.waitFor({ state: 'visible' });
  const size = await img.evaluate((i) => ({ w: i.naturalWidth, h: i.naturalHeight, shown: i.getBoundingClientRect().width }));
  assert.ok(size.w > 0 && size.h > 0 && size.shown > 0, JSON.stringify(size));
  assert.equal(size.shown * 2, size.w, 'drawn at twice the size it is shown at');
});

test('a live plot is redrawn in place while the cell runs, beside a progress bar', async (t) => {
  await watchPictures(1);
  await runCell(1);
  const cell = page.locator('#notebook-container > .cell').nth(1);
  const seen = await page.evaluate(() => window.seenPictures.size);
  t.diagnostic(`distinct pictures seen in the live plot's output: ${seen}`);
  assert.ok(seen >= 5, `the plot was redrawn only ${seen} times`);
  assert.equal(await cell.locator('.output_area img').count(), 1, 'one plot, updated in place');
  const bar = cell.locator('.jtorch-progress');
  assert.equal(await bar.count(), 1);
  assert.match(await bar.innerText(), /train:\s*100%[\s\S]*30\/30/);
  await cell.screenshot({ path: join(ARTIFACTS, 'figures-live-plot.png') });
});
