// The course as ./run-course.sh leaves it: each notebook executed headless with Debian's nbconvert
// into target/course/*.html (the same command), then each page opened in Debian's chromium. Every
// figure the notebook shows must be drawn on the page: an <img> that decoded to a picture, or an
// <svg> with drawing elements (nbconvert 6.5's sanitizer empties SVG outputs, which is why the
// kernel sends PNG). A full-page screenshot of each page goes to e2e/target/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { ARTIFACTS, ROOT, installKernel, scratchDir } from './helpers.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const NOTEBOOKS = join(ROOT, 'notebooks');
const COURSE = join(ROOT, 'target', 'course');

let browser;

/** The figures a committed notebook shows: outputs with a PNG or an SVG. */
function figuresOf(name) {
  const nb = JSON.parse(readFileSync(join(NOTEBOOKS, name), 'utf8'));
  return nb.cells.filter((c) => c.cell_type === 'code').flatMap((c) => c.outputs)
    .filter((o) => o.data && (o.data['image/png'] || o.data['image/svg+xml'])).length;
}

let jupyterEnv;

before(() => {
  const work = scratchDir('course');
  const jupyterPath = installKernel(join(work, '..', 'jupyter prefix'));
  jupyterEnv = { ...process.env, JUPYTER_PATH: jupyterPath, JUPYTER_DATA_DIR: join(work, '..', 'home', 'data') };
  mkdirSync(COURSE, { recursive: true });
  mkdirSync(ARTIFACTS, { recursive: true });
});

/** run-course.sh's command for one notebook, so one notebook that fails does not fail the others' pages. */
function executeToHtml(name) {
  const run = spawnSync('jupyter', ['nbconvert', '--to', 'html', '--execute', '--ExecutePreprocessor.timeout=600',
    '--output-dir', COURSE, join(NOTEBOOKS, name)], { cwd: NOTEBOOKS, encoding: 'utf8', timeout: 900_000, env: jupyterEnv });
  assert.equal(run.status, 0, `nbconvert --execute ${name} failed:\n${run.stderr.slice(-3000)}`);
}

before(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
});

after(async () => {
  await browser?.close();
});

for (const name of readdirSync(NOTEBOOKS).filter((f) => f.endsWith('.ipynb'))) {
  const page = name.replace(/\.ipynb$/, '.html');
  test(`target/course/${page} draws every figure`, async (t) => {
    executeToHtml(name);
    const tab = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    try {
      await tab.goto(pathToFileURL(join(COURSE, page)).href);
      await tab.waitForLoadState('load');
      const drawn = await tab.evaluate(() => {
        const outputs = [...document.querySelectorAll('.jp-OutputArea-output')];
        const images = outputs.flatMap((o) => [...o.querySelectorAll('img')]);
        const svgs = outputs.flatMap((o) => [...o.querySelectorAll('svg')]);
        const drawing = 'path, line, polyline, polygon, rect, circle, ellipse, image';
        return {
          images: images.map((i) => ({ ok: i.complete && i.naturalWidth > 0 && i.naturalHeight > 0,
            width: i.naturalWidth, shown: i.getBoundingClientRect().width })),
          svgs: svgs.map((s) => s.querySelectorAll(drawing).length),
        };
      });
      const expected = figuresOf(name);
      t.diagnostic(`${expected} figures expected; images ${JSON.stringify(drawn.images)}; svg drawing elements ${drawn.svgs}`);
      assert.ok(drawn.images.every((i) => i.ok && i.shown > 0), `an image did not decode: ${JSON.stringify(drawn.images)}`);
      assert.ok(drawn.svgs.every((n) => n > 0), `an SVG figure is blank: ${drawn.svgs}`);
      assert.equal(drawn.images.length + drawn.svgs.length, expected, 'every figure of the notebook is on the page');
      await tab.screenshot({ path: join(ARTIFACTS, `course-${page.replace(/\.html$/, '')}.png`), fullPage: true });
    } finally {
      await tab.close();
    }
  });
}
