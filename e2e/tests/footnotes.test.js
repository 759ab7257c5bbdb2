'use strict';
// Footnotes in a competency where its notes are not shown (browser check 31 H1): the picker's
// side-by-side result of two levels on different tracks shows each expectation's footnote
// mark, and under that level's cell the footnote it stands for, which the mark reaches.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { copyLadder, launchBrowser, newContext, startServer } = require('../lib/harness');

let server;
let browser;
before(async () => {
  const dir = copyLadder();
  const file = path.join(dir, 'content/competencies/senior-engineer/craft.md');
  const text = fs.readFileSync(file, 'utf8');
  const line = 'asks for a specialist review when the risk calls for it.\n';
  assert.ok(text.includes(line), 'the example still has the line this test edits');
  fs.writeFileSync(file, text.replace(line,
    'asks for a specialist review when the risk calls for it[^review].\n\n'
    + '[^review]: The security team\'s review, booked through its [^queue].\n\n'
    + '[^queue]: The list of reviews waiting, which the team works through each week.\n'));
  [server, browser] = await Promise.all([startServer({ dir }), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the picker shows the footnotes of the expectations it shows', { timeout: 60000 }, async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}compare/?a=senior-engineer&b=director`);
    const cell = page.locator('#picked td[data-level="Senior Engineer"]').first();
    await cell.waitFor();
    const craft = page.locator('#picked tr', { hasText: 'Technical craft' })
      .locator('td[data-level="Senior Engineer"]');
    const mark = craft.locator('ol.expectations sup.footnote-reference a');
    assert.equal(await mark.count(), 1);
    const target = (await mark.getAttribute('href')).slice(1);
    // The definition, the one it cites (review 31 F2), and no other note.
    const notes = craft.locator('.footnote-definition');
    assert.equal(await notes.count(), 2);
    const note = notes.first();
    assert.equal(await note.getAttribute('id'), target);
    assert.match(await note.innerText(), /booked through its/);
    const cited = (await note.locator('sup.footnote-reference a').getAttribute('href')).slice(1);
    assert.equal(await notes.nth(1).getAttribute('id'), cited);
    assert.match(await notes.nth(1).innerText(), /works through each week/);
    await mark.click();
    assert.equal(new URL(page.url()).hash, `#${target}`);
  } finally {
    await context.close();
  }
});
