'use strict';
// `ladderbook serve` live reload, as an author meets it: a level page is open in the browser,
// a file is saved, and the page follows without a manual reload; a broken save shows the
// error overlay, and fixing it clears the overlay.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { copyLadder, newContext, screenshotPath, startServer, useServerAndBrowser } = require('../lib/harness');

let server;
let browser;
useServerAndBrowser((s, b) => {
  server = s;
  browser = b;
});

/** Saves `file` (relative to the ladder) with `edit` applied to its text; returns the old text. */
function edit(file, editFn) {
  const p = path.join(server.dir, file);
  const before = fs.readFileSync(p, 'utf8');
  const after = editFn(before);
  assert.notEqual(after, before, `the edit changes ${file}`);
  fs.writeFileSync(p, after);
  return before;
}

test('live reload: an edit shows up in the open page; a broken edit shows the overlay until fixed', { timeout: 90000 }, async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  try {
    await page.goto(`${server.url}levels/staff-engineer/`);
    await page.evaluate(() => window.scrollTo(0, 1200));
    const scrolled = await page.evaluate(() => {
      window.__notReloaded = true;
      return scrollY;
    });
    assert.ok(scrolled > 1000, 'the page is scrolled down');

    // 1. A good edit: the first craft expectation changes.
    edit('content/competencies/staff-engineer/craft.md', (t) => t.replace('Defines the technical direction', 'Defines (live-edited) the technical direction'));
    await page.waitForFunction(() => document.getElementById('craft--1')?.textContent.includes('(live-edited)'), null, { timeout: 15000 });
    const r = await page.evaluate(() => ({ marker: window.__notReloaded ?? false, scrollY, overlay: !!document.getElementById('ladderbook-error') }));
    assert.equal(r.marker, false, 'the page reloaded by itself');
    assert.ok(Math.abs(r.scrollY - scrolled) < 50, `the reload kept the scroll position (${scrolled} → ${r.scrollY})`);
    assert.equal(r.overlay, false, 'no error overlay after a good build');

    // 2. A broken edit: invalid TOML in the level's front-matter.
    await page.evaluate(() => window.scrollTo(0, 0));
    const good = edit('content/levels/staff-engineer.md', (t) => t.replace('title = "Staff Engineer"', 'title = "Staff Engineer'));
    const overlay = page.locator('#ladderbook-error');
    await overlay.waitFor({ state: 'visible', timeout: 15000 });
    const text = await overlay.innerText();
    assert.match(text, /The ladder has 1 error\. Still showing the last good build\./, `the overlay says how many errors the ladder has:\n${text}`);
    // Folded, it leaves the page readable, and opens again.
    await overlay.locator('summary').click();
    assert.equal(await overlay.locator('pre').isVisible(), false, 'the overlay folds away');
    await overlay.locator('summary').click();
    assert.ok(await overlay.locator('pre').isVisible(), 'and opens again');
    assert.match(text, /content\/levels\/staff-engineer\.md:\d+:\d+: error:/, `the overlay names the file and position:\n${text}`);
    assert.equal(await page.locator('h1').innerText(), 'Staff Engineer', 'the last good build stays on screen');
    assert.ok(await page.locator('#craft--1', { hasText: '(live-edited)' }).isVisible(), 'the last good build includes the first edit');
    await page.screenshot({ path: screenshotPath('error-overlay.png'), animations: 'disabled', caret: 'hide' });

    // 3. Fixing it clears the overlay, again without a manual reload.
    // (The fixed file also renames the level, so the reload is visible in the page.)
    edit('content/levels/staff-engineer.md', () => good.replace('title = "Staff Engineer"', 'title = "Staff Engineer (edited)"'));
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Staff Engineer (edited)', null, { timeout: 15000 });
    assert.equal(await overlay.count(), 0, 'the overlay is gone once the ladder builds again');
  } finally {
    await context.close();
  }
});

test('live reload: ten open preview tabs all follow an edit, and an eleventh still opens', { timeout: 90000 }, async () => {
  // A browser keeps at most 6 connections to one host; a live-reload stream per tab would
  // use them all up and leave further tabs and clicks waiting forever.
  const context = await newContext(browser);
  try {
    const paths = ['', 'tracks/ic/', 'levels/engineer-1/', 'levels/engineer-2/', 'levels/senior-engineer/',
      'levels/staff-engineer/', 'pillars/craft/', 'compare/', 'how-to-read/', 'promotions/'];
    const pages = [];
    for (const p of paths) {
      const page = await context.newPage();
      await page.goto(`${server.url}${p}`, { timeout: 10000 });
      await page.evaluate(() => { window.__notReloaded = true; });
      pages.push(page);
    }
    const extra = await context.newPage();
    await extra.goto(`${server.url}levels/director/`, { timeout: 10000 });
    assert.equal(await extra.locator('h1').innerText(), 'Director of Engineering');

    edit('book.toml', (t) => t.replace('title = "Fernhill Engineering Ladder"', 'title = "Fernhill Ladder (tabs)"'));
    for (const page of pages) {
      await page.waitForFunction(() => document.querySelector('.site-title')?.textContent === 'Fernhill Ladder (tabs)', null, { timeout: 15000 });
      assert.equal(await page.evaluate(() => window.__notReloaded ?? false), false, `${page.url()} reloaded by itself`);
    }
  } finally {
    await context.close();
  }
});

test('live reload: a stopped preview says so, and a page reloads when serve starts again', { timeout: 90000 }, async () => {
  const dir = copyLadder();
  let first = await startServer({ dir });
  let second = null;
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(`${first.url}levels/staff-engineer/`);
    await page.evaluate(() => { window.__notReloaded = true; });
    await first.stop({ keep: true });
    first = null;
    const notice = page.locator('#ladderbook-stopped');
    await notice.waitFor({ state: 'visible', timeout: 15000 });
    assert.match(await notice.innerText(), /preview has stopped/);
    // The page moves down under the notice: the site's menu stays in view.
    const [bar, header] = await page.evaluate(() => [
      document.getElementById('ladderbook-stopped').getBoundingClientRect().bottom,
      document.querySelector('.site-header').getBoundingClientRect().top,
    ]);
    assert.ok(header >= bar - 1, `the site header (top ${header}) is under the notice (bottom ${bar})`);
    // Narrowed (a phone turned), the notice wraps and is taller: the page moves down again.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.waitForTimeout(200);
    const [bar2, header2] = await page.evaluate(() => [
      document.getElementById('ladderbook-stopped').getBoundingClientRect().bottom,
      document.querySelector('.site-header').getBoundingClientRect().top,
    ]);
    assert.ok(bar2 > bar, `the notice wraps at 375 (bottom ${bar2}, was ${bar})`);
    assert.ok(header2 >= bar2 - 1, `at 375 the site header (top ${header2}) is under the notice (bottom ${bar2})`);
    // Edited while no server ran, then served again on the same address: the open page
    // shows the edit, although the new server's first build is its first.
    const file = path.join(dir, 'content/competencies/staff-engineer/craft.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Defines the technical direction', 'Defines (edited while stopped) the technical direction'));
    second = await startServer({ dir, port: Number(new URL(page.url()).port) });
    await page.waitForFunction(() => document.getElementById('craft--1')?.textContent.includes('(edited while stopped)'), null, { timeout: 20000 });
    assert.equal(await page.evaluate(() => window.__notReloaded ?? false), false, 'the page reloaded by itself');
    assert.equal(await notice.count(), 0, 'the notice is gone');
  } finally {
    await context.close();
    if (first) await first.stop();
    if (second) await second.stop();
    else fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('live reload: a page whose shared worker cannot load still follows the server', { timeout: 90000 }, async () => {
  // The worker's script is fetched after the page; a server stopped in between, or a proxy
  // that drops it, left the page deaf: no notice, no reload.
  const dir = copyLadder();
  const running = await startServer({ dir });
  const context = await newContext(browser);
  try {
    await context.route('**/__ladderbook/reload-worker.js', (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${running.url}levels/staff-engineer/`);
    await page.waitForTimeout(500);
    assert.equal(await page.locator('#ladderbook-stopped').count(), 0, 'no notice while the server runs');
    const file = path.join(dir, 'content/competencies/staff-engineer/craft.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Defines the technical direction', 'Defines (edited without a worker) the technical direction'));
    await page.waitForFunction(() => document.getElementById('craft--1')?.textContent.includes('(edited without a worker)'), null, { timeout: 20000 });
  } finally {
    await context.close();
    await running.stop();
  }
});

test('live reload: a stopped preview\'s notice leaves the error panel\'s last line readable', { timeout: 90000 }, async () => {
  const dir = copyLadder();
  let first = await startServer({ dir });
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(`${first.url}levels/senior-engineer/`);
    const file = path.join(dir, 'content/levels/staff-engineer.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('rank = 4', 'rank = "four"'));
    await page.locator('#ladderbook-error pre').waitFor({ state: 'visible', timeout: 15000 });
    await first.stop({ keep: true });
    first = null;
    await page.locator('#ladderbook-stopped').waitFor({ state: 'visible', timeout: 15000 });
    const boxes = await page.evaluate(() => [
      document.getElementById('ladderbook-stopped').getBoundingClientRect().toJSON(),
      document.getElementById('ladderbook-error').getBoundingClientRect().toJSON(),
    ]);
    const [bar, panel] = boxes;
    assert.ok(bar.bottom <= panel.top || bar.top >= panel.bottom, `the notice ${JSON.stringify(bar)} is not over the error panel ${JSON.stringify(panel)}`);
  } finally {
    await context.close();
    if (first) await first.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('live reload: an error panel the author folded stays folded when the page reloads after the next save', { timeout: 90000 }, async () => {
  const dir = copyLadder();
  const running = await startServer({ dir });
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(`${running.url}levels/senior-engineer/`);
    const file = path.join(dir, 'content/levels/staff-engineer.md');
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace('rank = 4', 'rank = "four"'));
    await page.locator('#ladderbook-error pre').waitFor({ state: 'visible', timeout: 15000 });
    await page.locator('#ladderbook-error summary').click();
    assert.equal(await page.evaluate(() => document.getElementById('ladderbook-error').open), false);
    // Another broken save: the page reloads with the new errors, the panel still folded.
    fs.writeFileSync(file, text.replace('track = "ic"', 'track = "icc"'));
    await page.waitForFunction(() => document.getElementById('ladderbook-error')?.textContent.includes('icc'), null, { timeout: 20000 });
    assert.equal(await page.evaluate(() => document.getElementById('ladderbook-error').open), false, 'the folded panel opened again');
    // Fixed, then a new error later (browser check 34 L7): its panel opens, not folded
    // away by a fold that belonged to the errors before the good build.
    fs.writeFileSync(file, text);
    await page.waitForFunction(() => !document.getElementById('ladderbook-error'), null, { timeout: 20000 });
    fs.writeFileSync(file, text.replace('rank = 4', 'rank = 4.5'));
    await page.waitForFunction(() => document.getElementById('ladderbook-error')?.textContent.includes('float'), null, { timeout: 20000 });
    assert.equal(await page.evaluate(() => document.getElementById('ladderbook-error').open), true, 'a new error arrived folded');
  } finally {
    await context.close();
    await running.stop();
  }
});
