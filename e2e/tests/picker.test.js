'use strict';
// The comparison picker on a real ladder whose tracks share level titles (the Financial
// Times': "Junior Engineer" is on the legacy track and on the IC track): every level reads
// apart from the others, and addresses a reader edits by hand get an answer.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { importLadder, launchBrowser, newContext, startServer } = require('../lib/harness');

let server;
let browser;
before(async () => {
  const dir = importLadder('Financial-Times-engineering-progression');
  [server, browser] = await Promise.all([startServer({ dir }), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('levels with the same title read apart in the picker and side by side', { timeout: 60000 }, async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}compare/`);
    const text = (id) => page.locator(`main form.picker-form select[name="a"] option[value="${id}"]`).innerText();
    const [legacy, ic] = [await text('engineering-v1-junior'), await text('ic-junior')];
    assert.match(legacy, /Junior Engineer/);
    assert.notEqual(legacy, ic, 'the two Junior Engineers differ in a closed list');

    await page.goto(`${server.url}compare/?a=engineering-v1-junior&b=ic-junior`);
    const heading = await page.locator('#picked h2').innerText();
    const heads = await page.locator('#picked thead th').allInnerTexts();
    assert.notEqual(heads[1], heads[2], `the columns are named apart: ${heads}`);
    assert.ok(heading.includes(heads[1]) && heading.includes(heads[2]), heading);
    // The tab and a bookmark name the pair, as a comparison page's title does (browser 48 B48-02).
    const title = await page.title();
    assert.ok(title.startsWith(`${heads[1]} and ${heads[2]} compared · `), title);
    assert.ok(!title.includes('Compare levels'), title);
  } finally {
    await context.close();
  }
});

test('an address with one level twice, or a level the ladder lacks, says so', { timeout: 60000 }, async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}compare/?a=ic-junior&b=ic-junior`);
    await page.locator('#picked .picker-note', { hasText: 'Pick two different levels' }).waitFor();
    assert.equal(await page.locator('#picked table').count(), 0, 'no level beside itself');

    await page.goto(`${server.url}compare/?a=nope&b=ic-junior`);
    await page.locator('#picked .picker-note', { hasText: 'no level "nope"' }).waitFor();

    // One level given, which the ladder lacks: the form says so.
    await page.goto(`${server.url}compare/?a=nope`);
    await page.locator('main form.picker-form .picker-note', { hasText: 'no level "nope"' }).waitFor();

    // One level given: the other is the next one up its own track.
    await page.goto(`${server.url}compare/?a=ic-junior`);
    const form = page.locator('main form.picker-form');
    assert.equal(await form.locator('select[name="a"]').inputValue(), 'ic-junior');
    assert.equal(await form.locator('select[name="b"]').inputValue(), 'ic-engineer');
  } finally {
    await context.close();
  }
});

test('a comparison\'s address with its levels the wrong way round goes on to the comparison', { timeout: 60000 }, async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}compare/ic-engineer/ic-junior/#technical`);
    await page.waitForURL((u) => u.pathname === '/compare/ic-junior/ic-engineer/', { timeout: 10000 });
    assert.equal(new URL(page.url()).hash, '#technical', 'the fragment comes along');
    // A pair with no page either way stays on the 404 page.
    await page.goto(`${server.url}compare/ic-junior/nope/`);
    await page.waitForTimeout(500);
    assert.match(await page.locator('h1').innerText(), /Page not found/);
  } finally {
    await context.close();
  }
});

test('on a phone the picker\'s side by side stacks each pillar, each level\'s cell under its name', { timeout: 60000 }, async () => {
  const context = await newContext(browser, { viewport: { width: 375, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}compare/?a=engineering-v1-junior&b=ic-senior-1`);
    await page.locator('#picked table.compare tbody tr').first().waitFor();
    const r = await page.evaluate(() => {
      const box = document.querySelector('#picked .scroll-box');
      const cells = [...document.querySelectorAll('#picked tbody tr:first-child td')];
      return {
        vw: document.documentElement.clientWidth,
        box: [box.scrollWidth, box.clientWidth],
        rights: cells.map((td) => Math.round(td.getBoundingClientRect().right)),
        pillar: Math.round(document.querySelector('#picked tbody tr:first-child th').getBoundingClientRect().width),
        row: Math.round(document.querySelector('#picked tbody tr:first-child').getBoundingClientRect().width),
        names: cells.map((td) => td.querySelector('.side-level').innerText),
        heads: [...document.querySelectorAll('#picked thead th')].map((th) => th.innerText),
      };
    });
    // Stacked, nothing is past the box's edge: no scrolling sideways on every row.
    assert.ok(r.box[0] <= r.box[1], `the side by side scrolls sideways: ${r.box}`);
    assert.ok(r.rights.every((x) => x <= r.vw), `cells past the screen's edge: ${r.rights}`);
    // The pillar's name heads the whole stacked row, not a bar across half of it (browser
    // check 28 L4).
    assert.ok(r.pillar >= r.row - 2, `the pillar's name is ${r.pillar} px wide in a ${r.row} px row`);
    // With the column heads out of sight, each cell names its level as the heads did.
    assert.deepEqual(r.names, r.heads.slice(1));
  } finally {
    await context.close();
  }
});

test('the picker\'s side by side names each cell\'s level on a wide screen and prints stacked', { timeout: 60000 }, async () => {
  // Browser check 29 M1 and M2: at 1,280 the column heads scrolled away above rows taller
  // than the screen, and no cell said whose it was; on paper three equal columns left the
  // pillar a third of the page and most pages half empty (10 A4 pages for 44 expectations).
  const context = await newContext(browser, { viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}compare/?a=engineering-v1-junior&b=ic-senior-1`);
    await page.locator('#picked table.compare tbody tr').first().waitFor();
    const cells = () => page.evaluate(() => {
      const heads = [...document.querySelectorAll('#picked thead th')].map((th) => th.innerText);
      return [...document.querySelectorAll('#picked tbody tr')].map((tr) => {
        const tds = [...tr.querySelectorAll('td')];
        return {
          // For the eye: the cell's own name where shown (phone, paper), else the name the
          // cell's ::before shows (a screen reader has the column heads).
          names: tds.map((td) => {
            const name = td.querySelector('.side-level');
            if (name && name.getBoundingClientRect().height > 0) return name.innerText;
            const before = getComputedStyle(td, '::before').content;
            return before && before !== 'none' && before !== 'normal' ? td.dataset.level : null;
          }),
          heads: heads.slice(1),
          row: Math.round(tr.getBoundingClientRect().width),
          widths: tds.map((td) => Math.round(td.getBoundingClientRect().width)),
          pillar: Math.round(tr.querySelector('th').getBoundingClientRect().width),
        };
      });
    });
    const screen = await cells();
    assert.ok(screen.length >= 3, `rows: ${screen.length}`);
    for (const r of screen) assert.deepEqual(r.names, r.heads, 'each cell names its level, as the heads do');
    await page.emulateMedia({ media: 'print' });
    const paper = await cells();
    for (const r of paper) {
      assert.deepEqual(r.names, r.heads, 'on paper too');
      assert.ok(r.widths.every((w) => w >= r.row - 2), `cells side by side on paper: ${r.widths} in ${r.row}`);
      assert.ok(r.pillar >= r.row - 2, `the pillar's name is ${r.pillar} px of a ${r.row} px row`);
    }
    // Browser check 30 L4: the index of comparisons after the pair printed too, a page and
    // more of link texts whose addresses paper cannot show.
    const index = await page.evaluate(() => [...document.querySelectorAll('main section')]
      .filter((s) => s.id !== 'picked' && s.getBoundingClientRect().height > 0)
      .map((s) => s.querySelector('h2')?.innerText));
    assert.deepEqual(index, [], 'on paper the pair is the page');
    await page.emulateMedia({ media: 'screen' });
    const shown = await page.evaluate(() => [...document.querySelectorAll('main section')]
      .filter((s) => s.id !== 'picked' && s.getBoundingClientRect().height > 0).length);
    assert.ok(shown >= 1, 'on screen the index stays below the pair');
  } finally {
    await context.close();
  }
});

test('a pillar only the other level\'s track has is not shown as owed', { timeout: 90000 }, async () => {
  // Browser check 29 L1: beside an engineer, a manager's `Managing teams` read "not defined
  // yet" in the engineer's column, as if the ladder still owed it.
  const dir = importLadder('OctopusDeploy-People');
  const octopus = await startServer({ dir });
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(`${octopus.url}compare/?a=l3-senior-software-engineer&b=l5-senior-engineering-manager`);
    await page.locator('#picked table.compare tbody tr').first().waitFor();
    const rows = await page.evaluate(() => [...document.querySelectorAll('#picked tbody tr')].map((tr) => ({
      pillar: tr.querySelector('th').innerText.trim(),
      cells: [...tr.querySelectorAll('td')].map((td) => (td.querySelector('.gap, .none') || {}).innerText || null),
    })));
    const teams = rows.find((r) => /managing teams/i.test(r.pillar));
    assert.ok(teams, `rows: ${JSON.stringify(rows)}`);
    assert.equal(teams.cells[0], 'not a pillar of Software Engineering');
    assert.equal(teams.cells[1], null, 'the manager has the pillar');
    assert.ok(!rows.some((r) => r.cells.includes('not defined yet')), JSON.stringify(rows));
  } finally {
    await context.close();
    await octopus.stop();
  }
});

test('the picker\'s side by side answers #<pillar> and prints with its own note', { timeout: 60000 }, async () => {
  // Browser check 36 B36-04, B36-05: a link to one pillar of the pair landed at the top (its
  // rows had no ids), and on paper the pair opened with the picker's instructions, without
  // the note that says what the page is.
  const context = await newContext(browser, { viewport: { width: 1280, height: 700 } });
  try {
    const page = await context.newPage();
    const address = `${server.url}compare/?a=engineering-v1-junior&b=ic-senior-1`;
    await page.goto(address);
    await page.locator('#picked table.compare tbody tr').first().waitFor();
    const rows = await page.evaluate(() => [...document.querySelectorAll('#picked tbody tr')]
      .map((tr) => ({ id: tr.id, permalink: tr.querySelector('th a.permalink')?.getAttribute('href') })));
    assert.ok(rows.length >= 3, `rows: ${rows.length}`);
    for (const r of rows) {
      assert.ok(r.id, 'each pillar row has its id');
      assert.equal(r.permalink, `#${r.id}`);
    }
    const last = rows[rows.length - 1].id;
    await page.goto(`${address}#${last}`);
    await page.locator(`#picked tr[id="${last}"]`).waitFor();
    await page.waitForFunction((id) => {
      const top = document.getElementById(id).getBoundingClientRect().top;
      return top >= 0 && top < 200;
    }, last, { timeout: 5000 });
    await page.emulateMedia({ media: 'print' });
    const paper = await page.evaluate(() => ({
      summary: document.querySelector('.page-header .summary').getBoundingClientRect().height,
      note: document.querySelector('#picked .picker-note').getBoundingClientRect().height,
    }));
    assert.equal(paper.summary, 0, 'the picker\'s instructions are not printed');
    assert.ok(paper.note > 0, 'the pair\'s own note is printed');
  } finally {
    await context.close();
  }
});

test('after the browser\'s Back, the picker names the pair drawn under it', { timeout: 60000 }, async () => {
  // Browser check 43 B43-04: the browser gave back the form as it was left (another "To"
  // level picked before leaving), beside the comparison the address names.
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}compare/?a=engineering-v1-junior&b=ic-junior`);
    await page.locator('#picked table').first().waitFor();
    const form = page.locator('main form.picker-form');
    await form.locator('select[name="b"]').selectOption('ic-senior-1');
    await Promise.all([page.waitForURL((u) => !u.search.includes('b=ic-junior')), form.locator('button[type="submit"]').click()]);
    await page.goBack();
    await page.waitForURL((u) => u.search.includes('b=ic-junior'));
    await page.locator('#picked table').first().waitFor();
    assert.equal(await form.locator('select[name="a"]').inputValue(), 'engineering-v1-junior');
    assert.equal(await form.locator('select[name="b"]').inputValue(), 'ic-junior', 'the form names the pair drawn under it');
  } finally {
    await context.close();
  }
});
