'use strict';
// How pages look to readers on a phone, in dark mode and on paper.

const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { buildSite, sitePages, newContext, PAGE_KINDS, useServerAndBrowser, importLadder, startServer } = require('../lib/harness');
const { luminance, contrast } = require('../lib/checks');

// A page opened while the preview rebuilds can be reloaded by it before it has loaded
// (net::ERR_ABORTED): open it again.
async function openWhileRebuilding(page, url) {
  for (let i = 0; ; i++) {
    try {
      return await page.goto(url);
    } catch (e) {
      if (i >= 20 || !/ERR_ABORTED|interrupted by another navigation/.test(String(e))) throw e;
      await page.waitForTimeout(100);
    }
  }
}

let server;
let browser;
let site;

useServerAndBrowser((s, b) => {
  server = s;
  browser = b;
});

before(() => {
  const built = buildSite();
  site = sitePages(built.dest);
  built.remove();
});

test('at 375 px wide no page scrolls sideways; only a scroll box scrolls inside itself', { timeout: 120000 }, async () => {
  const context = await newContext(browser, { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  try {
    assert.ok(site.pages.length > 40);
    let scrollBoxes = 0;
    let scrolling = 0;
    for (const path of site.pages) {
      await page.goto(server.url + path.slice(1));
      const r = await page.evaluate(() => {
        const vw = innerWidth;
        const outside = [];
        // An element inside a box that scrolls sideways on its own (a matrix's .scroll-box, a
        // wide table in a free page) may be wider than the screen; nothing else may.
        const scrollsInBox = (el) => {
          for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
            if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return true;
          }
          return false;
        };
        for (const el of document.querySelectorAll('body *')) {
          if (scrollsInBox(el)) continue;
          const rect = el.getBoundingClientRect();
          if (rect.width && rect.right > vw + 0.5) outside.push(`${el.tagName.toLowerCase()}.${el.className} (right ${Math.round(rect.right)})`);
        }
        const boxes = [...document.querySelectorAll('.scroll-box')].map((b) => ({
          right: b.getBoundingClientRect().right,
          scrolls: b.scrollWidth > b.clientWidth,
          overflow: getComputedStyle(b).overflowX,
          matrix: !!b.querySelector(':scope > .matrix'),
          // The shades at the edges that say there is more to scroll to.
          cue: (getComputedStyle(b).backgroundImage.match(/radial-gradient/g) || []).length,
        }));
        return { vw, scrollWidth: document.documentElement.scrollWidth, bodyScrollWidth: document.body.scrollWidth, outside: outside.slice(0, 5), boxes };
      });
      // On a phone, content wider than the screen widens the layout viewport (the page is zoomed out).
      assert.equal(r.vw, 375, `${path}: the layout viewport widened to ${r.vw} px; wider elements: ${r.outside.join(', ')}`);
      assert.ok(r.scrollWidth <= r.vw, `${path}: the page is ${r.scrollWidth} px wide at ${r.vw} px; wider elements: ${r.outside.join(', ')}`);
      assert.ok(r.bodyScrollWidth <= r.vw, `${path}: the body is ${r.bodyScrollWidth} px wide`);
      assert.deepEqual(r.outside, [], `${path}: elements outside the viewport`);
      for (const b of r.boxes) {
        scrollBoxes++;
        assert.ok(b.right <= r.vw + 0.5, `${path}: a scroll box ends at ${b.right}`);
        // A track's matrix stacks on a phone (its own test below): its box clips instead.
        assert.equal(b.overflow, b.matrix ? 'clip' : 'auto', `${path}: a scroll box scrolls`);
        if (b.matrix) assert.ok(!b.scrolls, `${path}: the stacked matrix is wider than its box`);
        if (b.scrolls) {
          scrolling++;
          assert.equal(b.cue, 2, `${path}: a scroll box that scrolls shades its edges`);
        }
      }
    }
    assert.ok(scrolling > 0 && scrollBoxes > 0, 'the wide tables (matrix, comparison) scroll inside their box');
    // The example's overview has two tracks: their columns fit side by side, where each
    // line of the second was cut at the screen's edge.
    await page.goto(server.url);
    const overview = await page.evaluate(() => {
      const box = document.querySelector('table.overview').closest('.scroll-box');
      return [box.scrollWidth, box.clientWidth];
    });
    assert.ok(overview[0] <= overview[1], `the two-track overview scrolls sideways: ${overview}`);
  } finally {
    await context.close();
  }
});

test('prefers-color-scheme: dark gives a dark page with readable text', { timeout: 60000 }, async () => {
  for (const scheme of ['light', 'dark']) {
    const context = await newContext(browser, { colorScheme: scheme });
    const page = await context.newPage();
    try {
      for (const [kind, path] of Object.entries(PAGE_KINDS)) {
        await page.goto(server.url + path.slice(1));
        const c = await page.evaluate(() => {
          const style = (sel) => document.querySelector(sel) && getComputedStyle(document.querySelector(sel));
          const canvas = getComputedStyle(document.documentElement).backgroundColor;
          return {
            canvas,
            body: style('body').backgroundColor,
            header: style('.site-header').backgroundColor,
            text: style('main').color,
            h1: style('h1').color,
            link: style('main a:not(.permalink)')?.color,
            muted: style('.summary, .hint, .eyebrow')?.color,
          };
        });
        const bg = luminance(c.body);
        if (scheme === 'dark') {
          assert.ok(bg < 0.05, `${kind} (${path}) dark: the page background is dark (${c.body}, luminance ${bg.toFixed(3)})`);
          assert.ok(luminance(c.header) < 0.05, `${kind} dark: the header is dark (${c.header})`);
        } else {
          assert.ok(bg > 0.9, `${kind} (${path}) light: the page background is light (${c.body})`);
        }
        for (const [what, fg, min] of [['text', c.text, 7], ['h1', c.h1, 7], ['link', c.link, 4.5], ['muted text', c.muted, 4.5]]) {
          if (!fg) continue;
          const ratio = contrast(fg, c.body);
          assert.ok(ratio >= min, `${kind} ${scheme}: ${what} ${fg} on ${c.body} has contrast ${ratio.toFixed(2)} (at least ${min})`);
          const onHeader = contrast(fg, c.header);
          if (what !== 'muted text') assert.ok(onHeader >= 4.5, `${kind} ${scheme}: ${what} on the header's background: ${onHeader.toFixed(2)}`);
        }
      }
    } finally {
      await context.close();
    }
  }
});

test('printing a level page hides navigation and keeps every expectation', { timeout: 60000 }, async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  try {
    await page.goto(`${server.url}levels/staff-engineer/`);
    const screen = await page.evaluate(() => ({
      expectations: document.querySelectorAll('.expectations > li').length,
      sections: document.querySelectorAll('.pillar-section').length,
      navVisible: document.querySelector('.site-header').checkVisibility(),
    }));
    assert.ok(screen.navVisible, 'on screen the navigation shows');
    assert.ok(screen.expectations >= 18, `the level has expectations (${screen.expectations})`);

    await page.emulateMedia({ media: 'print' });
    const p = await page.evaluate(() => {
      const display = (sel) => [...document.querySelectorAll(sel)].map((e) => getComputedStyle(e).display);
      const items = [...document.querySelectorAll('.expectations > li')];
      return {
        header: display('.site-header'),
        footer: display('.site-footer'),
        navs: [...document.querySelectorAll('nav')].filter((n) => n.checkVisibility()).map((n) => n.className || n.getAttribute('aria-label')),
        skip: display('.skip-link'),
        shown: items.filter((li) => li.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && li.getBoundingClientRect().height > 0 && li.innerText.trim().length > 20).length,
        sections: [...document.querySelectorAll('.pillar-section')].filter((s) => s.checkVisibility()).length,
        h1: document.querySelector('h1').checkVisibility(),
        ink: getComputedStyle(document.body).color,
      };
    });
    assert.deepEqual(p.header, ['none'], 'the site header is not printed');
    assert.deepEqual(p.footer, ['none'], 'the site footer is not printed');
    assert.deepEqual(p.skip, ['none'], 'the skip link is not printed');
    assert.deepEqual(p.navs, [], 'no navigation is printed');
    assert.equal(p.shown, screen.expectations, 'every expectation is printed');
    assert.equal(p.sections, screen.sections, 'every pillar section is printed');
    assert.ok(p.h1, 'the title is printed');
    assert.ok(contrast(p.ink, 'rgb(255, 255, 255)') > 15, `dark ink on paper (${p.ink})`);

    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-', 'the page prints to PDF');
  } finally {
    await context.close();
  }
});

test('on paper the folded lists print unfolded: carried-over expectations, on a cumulative track those from lower levels, and an author\'s own folds', { timeout: 60000 }, async () => {
  // Senior Engineer restates one of Engineer II's craft expectations word for word, and the
  // IC track becomes cumulative.
  const file = (f) => path.join(server.dir, f);
  const lower = fs.readFileSync(file('content/competencies/engineer-2/craft.md'), 'utf8');
  const higher = file('content/competencies/senior-engineer/craft.md');
  const track = file('content/tracks/ic.md');
  const saved = [fs.readFileSync(higher, 'utf8'), fs.readFileSync(track, 'utf8')];
  const restated = lower.split('\n').find((l) => l.startsWith('- '));
  const context = await newContext(browser);
  const page = await context.newPage();
  try {
    // And an author's own fold under the expectations (browser check 35 B35-03: left off
    // the paper, summary and all).
    const fold = '\n<details>\n<summary>Worked examples</summary>\n<ul><li>Moved the invoices table without downtime.</li></ul>\n</details>\n';
    fs.writeFileSync(higher, saved[0].replace(/\n- /, `\n${restated}\n- `) + fold);
    fs.writeFileSync(track, saved[1].replace('+++\n', '+++\ncumulative = true\n'));
    const printed = async (address, selector) => {
      let n = 0;
      for (let i = 0; i < 100 && n === 0; i++) {
        await openWhileRebuilding(page, `${server.url}${address}`);
        n = await page.locator(selector).count();
        if (n === 0) await page.waitForTimeout(100);
      }
      assert.ok(n > 0, `${address} has ${selector}`);
      await page.emulateMedia({ media: 'screen' });
      assert.equal(await page.locator(`${selector} li`).first().isVisible(), false, `${selector} is folded on screen`);
      await page.emulateMedia({ media: 'print' });
      const shown = await page.locator(`${selector} li`).evaluateAll((lis) => lis.filter((li) => li.checkVisibility() && li.getBoundingClientRect().height > 0).length);
      const all = await page.locator(`${selector} li`).count();
      assert.ok(all > 0 && shown === all, `${address}: ${shown} of ${all} items of ${selector} print`);
    };
    await printed('compare/engineer-2/senior-engineer/', 'details.carried');
    await printed('levels/senior-engineer/', 'details.inherited');
    await printed('levels/senior-engineer/', '#craft details:not(.inherited)');
  } finally {
    fs.writeFileSync(higher, saved[0]);
    fs.writeFileSync(track, saved[1]);
    // Until the preview has rebuilt without the edits: a rebuild later would reload the next
    // test's page under it.
    for (let i = 0; i < 100; i++) {
      const html = async (address) => (await fetch(`${server.url}${address}`)).text();
      const carried = (await html('compare/engineer-2/senior-engineer/')).includes('<details class="carried">');
      const inherited = (await html('levels/senior-engineer/')).includes('<details class="inherited">');
      if (!carried && !inherited) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await context.close();
  }
});

test('on paper every table and comparison row fits the page width: the overview, a track matrix, a comparison', { timeout: 60000 }, async () => {
  // A4 at 96 dpi with Chromium's default print margins leaves about 718 px.
  const context = await newContext(browser, { viewport: { width: 718, height: 1000 } });
  const page = await context.newPage();
  try {
    await page.emulateMedia({ media: 'print' });
    for (const address of ['', 'tracks/ic/', 'compare/senior-engineer/staff-engineer/']) {
      await page.goto(`${server.url}${address}`);
      const cut = await page.evaluate(() => [...document.querySelectorAll('main table th, main table td, main .pair .side, main .pair .change')]
        .filter((c) => c.checkVisibility() && c.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map((c) => c.innerText.slice(0, 40)));
      assert.deepEqual(cut, [], `/${address}: cells past the page's edge`);
    }
    // On the printed overview a level's name is no smaller than its summary (browser check
    // 46 B46-04: the table shrank to 8.5pt, the summaries kept their size).
    await page.goto(server.url);
    const sizes = await page.evaluate(() => {
      const px = (sel) => parseFloat(getComputedStyle(document.querySelector(sel)).fontSize);
      return { title: px('.overview .level-link'), summary: px('.overview .level-summary') };
    });
    assert.ok(sizes.title >= sizes.summary, `printed overview: title ${sizes.title}px, summary ${sizes.summary}px`);
    const pdf = await page.pdf({ format: 'A4' });
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  } finally {
    await context.close();
  }
});

test('on a phone, the menu of a ladder with many tracks is one row: the page title is on the first screen', { timeout: 60000 }, async () => {
  const context = await newContext(browser, { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const added = [];
  let before;
  try {
    await page.goto(`${server.url}levels/senior-engineer/`);
    before = await page.locator('.site-nav a').count();
    for (let i = 1; i <= 15; i++) {
      const f = path.join(server.dir, `content/tracks/extra-track-${i}.md`);
      fs.writeFileSync(f, `+++\ntitle = "Extra track number ${i}"\norder = ${10 + i}\n+++\n`);
      added.push(f);
    }
    // Until the preview has rebuilt with all fifteen: a rebuild that saw only some of them
    // reloads the page again once the rest are in.
    let links = 0;
    for (let i = 0; i < 100 && links < before + 15; i++) {
      await openWhileRebuilding(page, `${server.url}levels/senior-engineer/`);
      links = await page.locator('.site-nav a').count();
      if (links < before + 15) await page.waitForTimeout(100);
    }
    assert.equal(links, before + 15, 'the menu lists the added tracks');
    const r = await page.evaluate(() => {
      const row = document.querySelector('.site-nav ul');
      return {
        h1: document.querySelector('h1').getBoundingClientRect().top,
        nav: document.querySelector('.site-nav').getBoundingClientRect().height,
        width: document.documentElement.scrollWidth,
        scrolls: row.scrollWidth > row.clientWidth,
        cue: (getComputedStyle(row).backgroundImage.match(/radial-gradient/g) || []).length,
      };
    });
    assert.ok(r.scrolls && r.cue === 2, 'the menu row scrolls, and its edges are shaded to say so');
    assert.ok(r.h1 < 300, `the title starts ${Math.round(r.h1)} px down (menu ${Math.round(r.nav)} px high)`);
    assert.ok(r.width <= 375, `the page itself does not scroll sideways (${r.width} px)`);
    // Every menu entry can still be reached: the row scrolls, and tabbing brings each into view.
    const last = page.locator('.site-nav a').last();
    await last.focus();
    assert.ok(await last.isVisible());
    const box = await last.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 375 + 1, `the focused last entry is on screen (${JSON.stringify(box)})`);
  } finally {
    for (const f of added) fs.rmSync(f);
    // Until the preview has rebuilt without them: that rebuild would reload the pages of
    // the tests that follow while they read them.
    if (before !== undefined) {
      for (let i = 0; i < 100; i++) {
        await openWhileRebuilding(page, `${server.url}levels/senior-engineer/`);
        if (await page.locator('.site-nav a').count() === before) break;
        await page.waitForTimeout(100);
      }
    }
    await context.close();
  }
});

test('on paper a track reads level by level, each pillar named above its expectations', { timeout: 60000 }, async () => {
  const context = await newContext(browser, { viewport: { width: 718, height: 1000 } });
  const page = await context.newPage();
  try {
    await page.goto(`${server.url}tracks/ic/`);
    const screenItems = await page.locator('table.matrix li').count();
    await page.emulateMedia({ media: 'print' });
    const r = await page.evaluate(() => {
      const cells = [...document.querySelectorAll('table.matrix tbody td')];
      return {
        labels: cells.slice(0, 6).map((td) => getComputedStyle(td, '::before').content),
        widths: cells.map((td) => td.getBoundingClientRect().width),
        shown: [...document.querySelectorAll('table.matrix li')].filter((li) => li.checkVisibility() && li.getBoundingClientRect().height > 0).length,
      };
    });
    assert.deepEqual(r.labels.slice(0, 2), ['"Technical craft"', '"Delivery"'], 'each cell is headed by its pillar');
    assert.ok(Math.min(...r.widths) > 600, `every cell takes the page's width (narrowest ${Math.round(Math.min(...r.widths))} px)`);
    assert.equal(r.shown, screenItems, 'every expectation of the matrix is printed');
  } finally {
    await context.close();
  }
});

test('on a phone a track\'s matrix reads level by level, each cell under its pillar, the level in view down its row', { timeout: 60000 }, async () => {
  // Side by side, a level's row was four screens wide and taller than one: scrolled across
  // and down, neither its level nor its pillar was on screen (browser check 48 B48-03).
  const context = await newContext(browser, { viewport: { width: 375, height: 812 } });
  try {
    const page = await context.newPage();
    await page.goto(server.url + PAGE_KINDS.track.slice(1));
    const r = await page.evaluate(() => {
      const box = document.querySelector('.scroll-box:has(> .matrix)');
      const row = document.querySelector('.matrix tbody tr:nth-child(2)');
      const th = row.querySelector('th');
      const tds = [...row.querySelectorAll('td')];
      const last = tds[tds.length - 1];
      // Half-way down the level's last pillar.
      scrollTo(0, last.getBoundingClientRect().top + scrollY + last.offsetHeight / 2);
      const head = th.getBoundingClientRect();
      const under = document.elementFromPoint(head.left + 5, head.top + head.height / 2);
      return {
        box: box.clientWidth,
        wide: box.scrollWidth,
        narrowest: Math.min(...tds.map((td) => td.getBoundingClientRect().width)),
        labels: tds.map((td) => getComputedStyle(td, '::before').content),
        pillars: [...document.querySelectorAll('.matrix thead th')].slice(1).map((h) => h.textContent),
        headTop: head.top,
        shown: th.contains(under) ? th.textContent : null,
        level: th.querySelector('a').textContent,
        lastTop: last.getBoundingClientRect().top,
        headHeight: head.height,
        padding: parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0,
      };
    });
    assert.ok(r.wide <= r.box, `the matrix is ${r.wide} px in a ${r.box} px box`);
    assert.ok(r.narrowest >= r.box * 0.9, `a cell is ${r.narrowest} px of a ${r.box} px box`);
    r.pillars.forEach((p, i) => assert.ok(r.labels[i].includes(p), `cell ${i} is labelled ${r.labels[i]}, not ${p}`));
    // The column heads are hidden: the label is read aloud, with no empty alternative text
    // (browser check 49 B49-01).
    r.labels.forEach((l) => assert.ok(!/\/\s*""\s*$/.test(l), `a silent label: ${l}`));
    // A link focused going back up stops below the level's name (B49-02).
    assert.ok(r.padding >= r.headHeight, `scroll padding ${r.padding} px under a ${r.headHeight} px name`);
    assert.ok(r.lastTop < 0, 'the page scrolled into the level\'s last cell');
    assert.ok(Math.abs(r.headTop) < 1, `the level's name is ${r.headTop} px from the top of the screen`);
    assert.ok(r.shown && r.shown.includes(r.level), `at the top of the screen: ${r.shown}`);
  } finally {
    await context.close();
  }
});

test('a ladder in Korean breaks its lines between words, not inside them', { timeout: 60000 }, async () => {
  // Lines broke between any two syllables of a word (`올|리거나`), on screen and on paper.
  const korean = await startServer({ dir: importLadder('sections/korean-level-words.md', 'import') });
  const context = await newContext(browser, { viewport: { width: 375, height: 812 } });
  try {
    const page = await context.newPage();
    await page.goto(korean.url);
    const level = await page.evaluate(() => document.querySelector('a[href*="levels/"]').getAttribute('href'));
    await page.goto(new URL(level, page.url()).href);
    const r = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      breaks: getComputedStyle(document.querySelector('.expectations li, main li')).wordBreak,
    }));
    assert.deepEqual(r, { lang: 'ko', breaks: 'keep-all' });
  } finally {
    await context.close();
    await korean.stop();
  }
});
