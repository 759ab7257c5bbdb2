'use strict';
// The comparison page as a manager and an engineer meet it in a promotion talk: real ladders
// nobody here wrote, imported from tests/fixtures/real-ladders, side by side at 1,280 px, on a
// 375 px phone and on paper.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { importLadder, startServer, launchBrowser, newContext, copyLadder } = require('../lib/harness');

let browser;
const servers = {};

before(async () => {
  browser = await launchBrowser();
  const [ft, managers, codecademy, example, monzo] = await Promise.all([
    startServer({ dir: importLadder('Financial-Times-engineering-progression/data/job-families/engineering.yml') }),
    startServer({ dir: importLadder('Codecademy-engineering-competencies/managers.md') }),
    startServer({ dir: importLadder('Codecademy-engineering-competencies') }),
    startServer(),
    startServer({ dir: importLadder('monzo-progression-framework') }),
  ]);
  Object.assign(servers, { ft, managers, codecademy, example, monzo });
});

after(async () => {
  await browser?.close();
  await Promise.all(Object.values(servers).map((s) => s.stop()));
});

/** The ladder as data (the site's /ladder.json). */
async function ladder(server) {
  const r = await fetch(`${server.url}ladder.json`);
  assert.equal(r.status, 200);
  return r.json();
}

/**
 * The comparison page of two levels of one track, found by title ("Senior Engineer 2" also
 * finds "Senior Engineer 2 (Individual Contributor)"): { url, a, b } (ladder.json levels).
 */
async function comparison(server, titleA, titleB) {
  const data = await ladder(server);
  const titled = (t) => (l) => l.title === t || l.title.startsWith(`${t} (`);
  const a = data.levels.find(titled(titleA));
  const b = data.levels.find((l) => titled(titleB)(l) && l.track === a?.track);
  assert.ok(a && b, `levels ${titleA} and ${titleB} on one track`);
  const c = data.comparisons.find((x) => x.a === a.id && x.b === b.id);
  assert.ok(c, `a comparison page for ${a.id} and ${b.id}`);
  return { url: `${server.url}${c.path}`, a, b };
}

const squash = (t) => t.replace(/\s+/g, ' ').trim();

/** Each level's expectations as the page shows them in its own column, by pillar. */
function columns(page) {
  return page.evaluate(() => {
    const squash = (t) => t.replace(/\s+/g, ' ').trim();
    const out = {};
    for (const sec of document.querySelectorAll('section.compare-pillar')) {
      const carried = [...sec.querySelectorAll('.carried-list .expectation')].map((e) => squash(e.textContent));
      out[sec.id] = ['a', 'b'].map((side) => [
        ...[...sec.querySelectorAll(`.side-${side} .expectation`)].map((e) => squash(e.textContent)),
        ...carried,
      ]);
    }
    return out;
  });
}

test('at 1,280 px each level reads in its own words, and corresponding expectations share a row', { timeout: 90000 }, async () => {
  const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    // The Financial Times: one competency per theme and level; each theme is one row.
    const ft = await comparison(servers.ft, 'Senior Engineer 1', 'Senior Engineer 2');
    await page.goto(ft.url);
    const rows = await page.evaluate(() => [...document.querySelectorAll('section.compare-pillar')].map((sec) => ({
      pillar: sec.id,
      rows: [...sec.querySelectorAll('.pair')].map((r) => {
        const [a, b] = [r.querySelector('.side-a'), r.querySelector('.side-b')].map((s) => s.getBoundingClientRect());
        return { both: !!(r.querySelector('.side-a .expectation') && r.querySelector('.side-b .expectation')), aTop: a.top, bTop: b.top, right: b.right, aRight: a.right, bLeft: b.left };
      }),
    })));
    assert.equal(rows.length, 9, 'nine themes');
    for (const { pillar, rows: r } of rows) {
      assert.equal(r.length, 1, `${pillar}: one row`);
      assert.ok(r[0].both, `${pillar}: both levels on the row`);
      assert.ok(Math.abs(r[0].aTop - r[0].bTop) < 2, `${pillar}: side by side`);
      assert.ok(r[0].aRight <= r[0].bLeft, `${pillar}: the lower level on the left`);
      assert.ok(r[0].right <= 1280, `${pillar}: the higher level is on screen (${r[0].right})`);
    }

    // Codecademy's managers: every expectation of both levels, as written, in its level's column.
    const m = await comparison(servers.managers, 'Engineering Manager', 'Senior Engineering Manager');
    await page.goto(m.url);
    const shown = await columns(page);
    for (const [side, level] of [[0, m.a], [1, m.b]]) {
      for (const [pillar, cell] of Object.entries(level.cells)) {
        for (const e of cell.expectations) {
          assert.ok(shown[pillar][side].includes(squash(e.text)), `${level.title}, ${pillar}: ${e.text}`);
        }
      }
    }
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 1280, `no sideways scroll (${width})`);
  } finally {
    await context.close();
  }
});

test('at 375 px each row stacks the lower level above the higher, each named, with nothing off screen', { timeout: 90000 }, async () => {
  const context = await newContext(browser, { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  try {
    const pages = [
      await comparison(servers.managers, 'Engineering Manager', 'Director'),
      await comparison(servers.ft, 'Engineer', 'Senior Engineer 1'),
      await comparison(servers.example, 'Engineer II', 'Senior Engineer'),
    ];
    for (const p of pages) {
      await page.goto(p.url);
      const r = await page.evaluate(() => {
        const vw = document.documentElement.clientWidth;
        const rows = [...document.querySelectorAll('.pair')];
        return {
          vw,
          scroll: document.documentElement.scrollWidth,
          rows: rows.length,
          offScreen: [...document.querySelectorAll('.pair .side, .pair .expectation')]
            .filter((e) => { const b = e.getBoundingClientRect(); return b.left < -1 || b.right > vw + 1; }).length,
          unlabelled: rows.flatMap((row) => [...row.querySelectorAll('.side-level')])
            .filter((l) => !l.checkVisibility() || l.getBoundingClientRect().height === 0).length,
          unstacked: rows.filter((row) => {
            const [a, b] = [row.querySelector('.side-a'), row.querySelector('.side-b')].map((s) => s.getBoundingClientRect());
            return b.top < a.bottom - 1;
          }).length,
        };
      });
      assert.ok(r.rows > 0, `${p.url}: rows`);
      assert.ok(r.scroll <= r.vw, `${p.url}: the page scrolls sideways (${r.scroll} > ${r.vw})`);
      assert.equal(r.offScreen, 0, `${p.url}: expectations past the screen's edge`);
      assert.equal(r.unlabelled, 0, `${p.url}: each side names its level`);
      assert.equal(r.unstacked, 0, `${p.url}: the higher level below the lower`);
    }

    // /compare/ reaches every comparison on a phone, visibly, without sideways scrolling.
    for (const s of [servers.ft, servers.managers, servers.example]) {
      await page.goto(`${s.url}compare/`);
      const data = await ladder(s);
      const r = await page.evaluate(() => ({
        vw: document.documentElement.clientWidth,
        scroll: document.documentElement.scrollWidth,
        links: [...document.querySelectorAll('main a')].filter((a) => {
          const b = a.getBoundingClientRect();
          return /\/compare\/[^/]+\/[^/]+\/$/.test(a.pathname) && a.checkVisibility() && b.width > 0 && b.right <= document.documentElement.clientWidth + 1;
        }).map((a) => a.pathname),
      }));
      assert.ok(r.scroll <= r.vw, `${s.url}compare/ scrolls sideways (${r.scroll})`);
      // Each pair of levels once, whichever way round its link goes.
      const pair = (p) => p.split('/').filter(Boolean).slice(-2).sort().join(' | ');
      const want = [...new Set(data.comparisons.map((c) => pair(new URL(`${s.url}${c.path}`).pathname)))].sort();
      assert.deepEqual([...new Set(r.links.map(pair))].sort(), want, `${s.url}compare/: every pair compared visible`);
    }
  } finally {
    await context.close();
  }
});

test('at 375 px a level titled with a word longer than the screen breaks it, where its comparisons scrolled sideways', { timeout: 90000 }, async () => {
  // Browser check 30 M1: a German title (or `Platform/Reliability/Infrastructure`) made the
  // two level cards as wide as the word, so every comparison of the level scrolled sideways
  // and cut the cards' text at the edge; the level buttons beside it overflowed too.
  const dir = copyLadder();
  const file = path.join(dir, 'content/levels/staff-engineer.md');
  const long = 'Leitende Softwareentwicklungsingenieurin, Plattform/Zuverlässigkeit/Infrastruktur';
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('title = "Staff Engineer"', `title = "${long}"`));
  const server = await startServer({ dir });
  const context = await newContext(browser, { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  try {
    for (const at of ['compare/engineer-2/staff-engineer/', 'compare/staff-engineer/principal-engineer/', 'levels/senior-engineer/', 'levels/principal-engineer/']) {
      await page.goto(`${server.url}${at}`);
      const r = await page.evaluate(() => {
        const vw = document.documentElement.clientWidth;
        return {
          vw,
          scroll: document.documentElement.scrollWidth,
          wide: [...document.querySelectorAll('main *')]
            .filter((e) => e.checkVisibility() && e.getBoundingClientRect().right > vw + 1)
            .map((e) => `${e.tagName}.${e.className}`).slice(0, 5),
          named: document.body.innerText.replace(/\s+/g, ' ').includes('Plattform/Zuverlässigkeit/Infrastruktur'),
        };
      });
      assert.ok(r.named, `${at}: the title is on the page`);
      assert.ok(r.scroll <= r.vw, `${at}: the page scrolls sideways (${r.scroll} > ${r.vw}): ${r.wide.join(', ')}`);
      assert.deepEqual(r.wide, [], `${at}: past the screen's edge`);
    }
  } finally {
    await context.close();
    await server.stop();
  }
});

test('on paper a comparison is one compact document that names the ladder, both levels and its address', { timeout: 90000 }, async () => {
  // A4 with 1 cm margins: 190 × 277 mm, 718 × 1047 px at 96 dpi.
  const context = await newContext(browser, { viewport: { width: 718, height: 1047 } });
  const page = await context.newPage();
  try {
    const m = await comparison(servers.managers, 'Engineering Manager', 'Director');
    const data = await ladder(servers.managers);
    await page.goto(m.url);
    await page.emulateMedia({ media: 'print' });
    const p = await page.evaluate(() => {
      const meta = document.querySelector('.print-meta');
      const h1 = document.querySelector('h1');
      return {
        meta: meta.checkVisibility() ? meta.innerText : '',
        legend: [...document.querySelectorAll('.legend dt')].filter((e) => e.checkVisibility()).map((e) => e.innerText),
        metaFirst: meta.getBoundingClientRect().top <= h1.getBoundingClientRect().top,
        h1: h1.innerText,
        height: document.documentElement.scrollHeight,
        breaks: [...document.querySelectorAll('section, .pair')].filter((e) => ['page', 'always', 'left', 'right'].includes(getComputedStyle(e).breakBefore)).length,
        headers: [...document.querySelectorAll('main th, .pairs-head span, .compare-level h2')]
          .filter((e) => e.checkVisibility() && e.scrollWidth > e.clientWidth + 1).map((e) => e.innerText),
      };
    });
    assert.ok(p.meta.includes(data.title), `the printout names the ladder: ${p.meta}`);
    assert.ok(p.meta.includes(m.url), `the printout gives the page's address: ${p.meta}`);
    assert.match(p.meta, /printed \w+/, 'and the date it was printed');
    assert.ok(p.metaFirst, 'on the first page, above the title');
    // Paper cannot unfold the legend: what the marks mean is printed.
    assert.ok(p.legend.includes('closest match') && p.legend.includes('changed'), `the legend prints: ${p.legend}`);
    assert.ok(p.h1.includes(m.a.title) && p.h1.includes(m.b.title), `the title names both levels: ${p.h1}`);
    assert.equal(p.breaks, 0, 'no section starts a page of its own');
    assert.deepEqual(p.headers, [], 'no heading is cut or broken inside a word');

    const pdf = await page.pdf({ format: 'A4', margin: { top: '1cm', bottom: '1cm', left: '1cm', right: '1cm' } });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;
    const needed = Math.ceil(p.height / 1047);
    fs.writeFileSync(path.join(require('node:os').tmpdir(), 'ladderbook-compare-print.pdf'), pdf);
    console.log(`printed: ${pages} pages for ${needed} pages of content`);
    assert.ok(pages >= 1 && pages <= needed + 1, `${pages} pages printed for ${needed} pages of content`);
  } finally {
    await context.close();
  }
});

test('on paper a level, a pillar and a track page name the ladder, the page\'s address and the date', { timeout: 90000 }, async () => {
  const context = await newContext(browser, { viewport: { width: 718, height: 1047 } });
  const page = await context.newPage();
  try {
    const data = await ladder(servers.managers);
    const level = data.levels[0];
    for (const address of [level.path, data.pillars[0].path, data.tracks[0].path]) {
      const url = `${servers.managers.url}${address}`;
      await page.goto(url);
      await page.emulateMedia({ media: 'screen' });
      assert.equal(await page.locator('.print-meta').isVisible(), false, `${address}: not on screen`);
      await page.emulateMedia({ media: 'print' });
      const meta = await page.locator('.print-meta').innerText();
      assert.ok(meta.includes(data.title), `${address}: the printout names the ladder: ${meta}`);
      assert.ok(meta.includes(url), `${address}: and gives the page's address: ${meta}`);
      assert.match(meta, /printed \w+/, `${address}: and the date it was printed`);
    }
  } finally {
    await context.close();
  }
});

test('at 375 px the legend fits, whatever its longest term', { timeout: 60000 }, async () => {
  // A comparison with moved expectations names them "moved from, moved to, also under": a
  // column as wide as that term left the explanations too little room, and the page scrolled
  // sideways by 55 px.
  const context = await newContext(browser, { viewport: { width: 375, height: 812 } });
  const page = await context.newPage();
  try {
    const p = await comparison(servers.example, 'Engineer II', 'Senior Engineer');
    await page.goto(p.url);
    const r = await page.evaluate(() => {
      const dt = document.querySelector('.legend dt');
      dt.textContent = 'moved from, moved to, also under';
      return {
        vw: document.documentElement.clientWidth,
        scroll: document.documentElement.scrollWidth,
        right: Math.max(...[...document.querySelectorAll('.legend dt, .legend dd')].map((e) => e.getBoundingClientRect().right)),
      };
    });
    assert.ok(r.scroll <= r.vw && r.right <= r.vw, `the legend is ${r.right} px wide, the page ${r.scroll}, at ${r.vw} px`);
  } finally {
    await context.close();
  }
});

test('a comparison of equivalent levels on two tracks fits the screen at 1,280 and 375 px, however long the levels\' names', { timeout: 90000 }, async () => {
  const data = await ladder(servers.ft);
  const track = Object.fromEntries(data.levels.map((l) => [l.id, l.track]));
  const across = data.comparisons.filter((c) => track[c.a] !== track[c.b]);
  assert.ok(across.length > 0, 'the Financial Times ladder has equivalent levels on two tracks');
  for (const width of [1280, 375]) {
    const context = await newContext(browser, { viewport: { width, height: 900 } });
    const page = await context.newPage();
    try {
      for (const c of across) {
        await page.goto(`${servers.ft.url}${c.path}`);
        const r = await page.evaluate(() => ({
          vw: document.documentElement.clientWidth,
          scroll: document.documentElement.scrollWidth,
          badges: [...document.querySelectorAll('.badge')].map((b) => b.innerText),
          wide: [...document.querySelectorAll('.badge')]
            .filter((b) => b.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map((b) => b.innerText),
        }));
        assert.ok(r.badges.some((b) => b.startsWith('only at ')), `${c.path}: badges name the level`);
        assert.deepEqual(r.wide, [], `${c.path} at ${width} px: badges past the screen's edge`);
        assert.ok(r.scroll <= r.vw, `${c.path} at ${width} px: the page scrolls sideways (${r.scroll} > ${r.vw})`);
      }
    } finally {
      await context.close();
    }
  }
});

test('on paper no pillar\'s name or column heads are left at the foot of a page, apart from its first row', { timeout: 180000 }, async () => {
  const context = await newContext(browser, { viewport: { width: 718, height: 1047 } });
  const page = await context.newPage();
  const pdfFile = path.join(fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'ladderbook-print-')), 'page.pdf');
  try {
    let printed = 0;
    for (const s of [servers.codecademy, servers.example]) {
      const data = await ladder(s);
      const pillars = new Set(data.pillars.map((p) => p.title));
      const titles = Object.fromEntries(data.levels.map((l) => [l.id, l.title]));
      for (const c of data.comparisons) {
        // A pillar's column heads, one printed line: `Staff Engineer  Engineering Manager  Change`.
        const heads = `${titles[c.a]} ${titles[c.b]} Change`;
        await page.goto(`${s.url}${c.path}`);
        await page.emulateMedia({ media: 'print' });
        // A pillar whose rows are all "only at" lists, printed one under the other, has no
        // column heads over them (review 27 L5).
        const apartHeads = await page.evaluate(() => [...document.querySelectorAll('.compare-pillar')]
          .filter((p) => p.querySelector('.pair') && !p.querySelector('.pair:not(.status-apart)'))
          .map((p) => getComputedStyle(p.querySelector('.pairs-head')).display));
        assert.ok(apartHeads.every((d) => d === 'none'), `${c.path}: column heads over lists printed one under the other`);
        fs.writeFileSync(pdfFile, await page.pdf({ format: 'A4' }));
        // The text of each printed page, pages apart by form feeds (poppler's pdftotext).
        const pages = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' }).split('\f');
        pages.forEach((text, i) => {
          const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
          const last = lines[lines.length - 1];
          assert.ok(!pillars.has(last), `${c.path}, printed page ${i + 1} ends with the pillar name "${last}"`);
          assert.ok(last === undefined || last.replace(/\s+/g, ' ') !== heads, `${c.path}, printed page ${i + 1} ends with the column heads "${last}"`);
        });
        printed++;
      }
    }
    assert.ok(printed > 20, `${printed} comparisons printed`);
  } finally {
    await context.close();
    fs.rmSync(path.dirname(pdfFile), { recursive: true, force: true });
  }
});

test('a printed overview of many tracks lists each track\'s levels, every name whole', { timeout: 60000 }, async () => {
  // Monzo's 17 tracks as 17 columns of an A4 page broke every word: "Cu/st/o/m/er".
  const context = await newContext(browser, { viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const pdfFile = path.join(fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'ladderbook-print-')), 'overview.pdf');
  try {
    const data = await ladder(servers.monzo);
    assert.ok(data.tracks.length > 6, `${data.tracks.length} tracks`);
    await page.goto(servers.monzo.url);
    await page.emulateMedia({ media: 'print' });
    fs.writeFileSync(pdfFile, await page.pdf({ format: 'A4' }));
    const text = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' });
    const lines = text.split('\n').map((l) => l.trim());
    for (const t of data.tracks) {
      // A title may wrap between words, never inside one.
      const words = t.title.split(/\s+/).filter((w) => /^[A-Za-z]{4,}$/.test(w));
      for (const w of words) assert.ok(lines.some((l) => l.includes(w)), `"${w}" of ${t.title} is not whole on paper`);
    }
  } finally {
    await context.close();
  }
});

test('at 1,280 px the column heads stay in view down a long pillar', { timeout: 60000 }, async () => {
  const context = await newContext(browser, { viewport: { width: 1280, height: 500 } });
  const page = await context.newPage();
  try {
    // The first comparison of Codecademy's ladder with a pillar of rows taller than the window.
    const data = await ladder(servers.codecademy);
    let r;
    for (const c of data.comparisons) {
      await page.goto(`${servers.codecademy.url}${c.path}`);
      r = await page.evaluate(() => {
        const lists = [...document.querySelectorAll('section.compare-pillar ol.pairs')];
        const list = lists.sort((x, y) => y.offsetHeight - x.offsetHeight)[0];
        if (!list || list.offsetHeight < 2 * innerHeight) return null;
        // Scrolled to halfway down its rows.
        scrollTo(0, list.getBoundingClientRect().top + scrollY + list.offsetHeight / 2);
        const head = list.closest('section').querySelector('.pairs-head').getBoundingClientRect();
        return { id: list.closest('section').id, height: list.offsetHeight, top: head.top, bottom: head.bottom };
      });
      if (r) {
        r.path = c.path;
        break;
      }
    }
    assert.ok(r, 'a comparison with a pillar taller than the window');
    assert.ok(r.top >= -0.5 && r.bottom <= 100, `${r.path}#${r.id} (${r.height} px of rows): the column heads are at the top of the window, at ${r.top}–${r.bottom} px`);
  } finally {
    await context.close();
  }
});

test('at 1,280 px a link the keyboard focuses going back up a pillar is never under the column heads', { timeout: 60000 }, async () => {
  const context = await newContext(browser, { viewport: { width: 1280, height: 600 } });
  const page = await context.newPage();
  try {
    await page.goto(`${servers.example.url}compare/senior-engineer/staff-engineer/`);
    await page.locator('.related a').last().focus();
    let stops = 0;
    const covered = [];
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press('Shift+Tab');
      const r = await page.evaluate(() => {
        const a = document.activeElement;
        const box = a.getBoundingClientRect();
        // A column head stuck at the top of the window, over this focused link.
        const stuck = [...document.querySelectorAll('.pairs-head')]
          .map((h) => h.getBoundingClientRect())
          .filter((h) => h.top <= 0.5 && h.bottom > 0);
        return {
          inRows: !!a.closest('ol.pairs'),
          covered: stuck.some((h) => box.top < h.bottom - 0.5),
          text: (a.getAttribute('aria-label') || a.textContent).trim().slice(0, 60),
        };
      });
      if (!r.inRows) continue;
      stops += 1;
      if (r.covered) covered.push(r.text);
    }
    assert.ok(stops > 20, `${stops} focus stops in the rows`);
    assert.deepEqual(covered, [], 'focused links partly or wholly under the column heads');
  } finally {
    await context.close();
  }
});

test('between equivalent levels on two tracks, what only one level lists is not coloured as gained or left behind', { timeout: 60000 }, async () => {
  const context = await newContext(browser, { viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    for (const [path, neutral] of [['compare/staff-engineer/engineering-manager/', true], ['compare/engineer-2/senior-engineer/', false]]) {
      await page.goto(`${servers.example.url}${path}`);
      const colours = await page.evaluate(() => ['.badge-new', '.badge-not-restated'].map((s) => {
        const b = document.querySelector(s);
        return b && `${getComputedStyle(b).color} / ${getComputedStyle(b).borderTopColor}`;
      }));
      assert.ok(colours.every(Boolean), `${path}: both kinds of badge are on the page: ${colours}`);
      assert.equal(colours[0] === colours[1], neutral, `${path}: ${colours.join(' and ')}`);
    }
  } finally {
    await context.close();
  }
  // A pillar only one of the two has is a row per expectation: its text was tinted green or
  // grey by the order of the two levels in the address (browser check 50, B50-02).
  const dir = copyLadder();
  fs.writeFileSync(path.join(dir, 'content/pillars/hiring.md'), '+++\ntitle = "Hiring"\norder = 7\n+++\n\nBuilding the team.\n');
  fs.mkdirSync(path.join(dir, 'content/competencies/engineering-manager'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'content/competencies/engineering-manager/hiring.md'),
    '+++\nlevel = "engineering-manager"\npillar = "hiring"\n+++\n\n- Runs a fair hiring process for the team.\n- Keeps the pipeline of candidates warm all year.\n');
  // And a pair worded differently: the second level's side was tinted green (review 44 R44-10).
  const staff = fs.readFileSync(path.join(dir, 'content/competencies/staff-engineer/craft.md'), 'utf8');
  const first = staff.split('\n').find((l) => l.startsWith('- '));
  const words = first.split(' ');
  words[5] = 'carefully';
  const em = path.join(dir, 'content/competencies/engineering-manager/craft.md');
  fs.writeFileSync(em, `${fs.readFileSync(em, 'utf8').trimEnd()}\n${words.join(' ')}\n`);
  const server = await startServer({ dir });
  const tinted = await newContext(browser, { viewport: { width: 1280, height: 800 } });
  const page2 = await tinted.newPage();
  try {
    for (const at of ['compare/staff-engineer/engineering-manager/', 'compare/engineering-manager/staff-engineer/']) {
      await page2.goto(`${server.url}${at}`);
      const backgrounds = await page2.evaluate(() => [...document.querySelectorAll('#hiring .pair .side')]
        .map((s) => getComputedStyle(s).backgroundColor));
      assert.equal(backgrounds.length, 4, `${at}: two rows of two sides in Hiring`);
      assert.deepEqual([...new Set(backgrounds)], ['rgba(0, 0, 0, 0)'], `${at}: ${backgrounds}`);
      const changed = await page2.evaluate(() => [...document.querySelectorAll('#craft .status-changed .side')]
        .map((s) => getComputedStyle(s).backgroundColor));
      assert.equal(changed.length, 2, `${at}: the reworded pair in Technical craft`);
      assert.deepEqual([...new Set(changed)], ['rgba(0, 0, 0, 0)'], `${at}: ${changed}`);
    }
  } finally {
    await tinted.close();
    await server.stop();
  }
});

test('an expectation written as a numbered list shows one number per item, on its level page and in comparisons', { timeout: 60000 }, async () => {
  // Browser check 28 L3: FT's Technical expectations are numbered lists; the expectation's
  // own number stood before the list's ("1. 1."), and a comparison showed an empty bullet.
  const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const data = await (await fetch(`${servers.ft.url}ladder.json`)).json();
    const across = data.comparisons.find((c) => {
      const a = data.levels.find((l) => l.id === c.a);
      const b = data.levels.find((l) => l.id === c.b);
      return a.track !== b.track;
    });
    let checked = 0;
    for (const p of ['levels/engineer/', across.path]) {
      await page.goto(`${servers.ft.url}${p}`);
      const markers = await page.evaluate(() => [...document.querySelectorAll('li')]
        .filter((li) => li.querySelector(':scope > .expectation > ol:first-child'))
        .map((li) => getComputedStyle(li).listStyleType));
      assert.ok(markers.length > 0, `${p}: no expectation is a numbered list (else this test shows nothing)`);
      assert.ok(markers.every((m) => m === 'none'), `${p}: an expectation that is a numbered list keeps its own marker: ${markers}`);
      checked += markers.length;
    }
    assert.ok(checked > 0);
  } finally {
    await context.close();
  }
});

test('a ladder of many tracks keeps its menu to one row: "Tracks" opens their list, whole at 375 px too', { timeout: 60000 }, async () => {
  // Browser check 34 M3: Monzo's 17 tracks made a menu of four rows (194 px) over every
  // page, "Compare levels" among the track names.
  const data = await ladder(servers.monzo);
  assert.ok(data.tracks.length > 6, `${data.tracks.length} tracks`);
  for (const width of [1280, 375]) {
    const context = await newContext(browser, { viewport: { width, height: 800 } });
    const page = await context.newPage();
    try {
      await page.goto(`${servers.monzo.url}${data.comparisons[0].path}`);
      const header = await page.locator('.site-header').boundingBox();
      assert.ok(header.height < 120, `${width} px: the header is ${header.height} px tall`);
      assert.ok(await page.locator('.site-nav a', { hasText: 'Compare levels' }).isVisible());
      const summary = page.locator('.nav-tracks summary');
      assert.match(await summary.innerText(), new RegExp(`Tracks \\(${data.tracks.length}\\)`));
      await summary.click();
      const links = page.locator('.nav-tracks li a');
      assert.equal(await links.count(), data.tracks.length);
      // Every track's link is on screen and is what a tap there reaches (nothing clips or
      // covers it).
      for (let i = 0; i < data.tracks.length; i += 1) {
        const box = await links.nth(i).boundingBox();
        assert.ok(box.x >= 0 && box.x + box.width <= width + 0.5, `${width} px: track ${i} runs off the screen`);
        const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('a')?.textContent, [box.x + 4, box.y + box.height / 2]);
        assert.equal(hit, await links.nth(i).textContent(), `${width} px: track ${i} is covered`);
      }
      await page.keyboard.press('Escape');
      assert.equal(await page.locator('.nav-tracks details').evaluate((d) => d.open), false);
      // Tab past the last track closes the list, which would cover the links after it
      // (review 33 R33-11, browser check 35 B35-01).
      await summary.click();
      await links.last().focus();
      await page.keyboard.press('Tab');
      assert.equal(await page.locator('.nav-tracks details').evaluate((d) => d.open), false, `${width} px: the list stayed open`);
      await summary.click();
      const backend = data.tracks.find((t) => /Backend/.test(t.title));
      await links.filter({ hasText: backend.title }).click();
      await page.waitForURL(new RegExp(`/tracks/${backend.id}/$`));
      assert.equal(await page.locator('h1').innerText(), backend.title);
      // On the track's page the entry that holds it is marked, for a screen reader too.
      assert.match(await summary.getAttribute('class'), /current/);
      assert.equal(await summary.getAttribute('aria-current'), 'true');
    } finally {
      await context.close();
    }
  }
});

test('an address shared before a level was renamed still opens the pair, at the pillar it names', { timeout: 60000 }, async () => {
  // The example's Senior Engineer was `ic3` (its alias `levels/ic3/`): the picker's addresses
  // that name it so, written before the rename, find it (browser check 38, B38-01); and a pair
  // with a page of its own keeps the `#pillar` on the way there (B38-02).
  const data = await ladder(servers.example);
  assert.deepEqual(data.levels.find((l) => l.id === 'senior-engineer').former, ['ic3']);
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(`${servers.example.url}compare/?a=ic3&b=vp-engineering#craft`);
    await page.locator('#picked h2').waitFor();
    assert.match(await page.locator('#picked h2').innerText(), /Senior Engineer and VP/);
    const url = new URL(page.url());
    assert.equal(url.search, '?a=senior-engineer&b=vp-engineering', 'the address names the level as it is now');
    assert.equal(url.hash, '#craft');
    assert.equal(await page.locator('main form.picker-form select[name="a"]').inputValue(), 'senior-engineer');

    await page.goto(`${servers.example.url}compare/?a=ic3&b=staff-engineer#craft`);
    await page.waitForURL((u) => u.pathname === '/compare/senior-engineer/staff-engineer/', { timeout: 10000 });
    assert.equal(new URL(page.url()).hash, '#craft', 'the pillar comes along');

    // One level given, by its former id: preselected as it is now.
    await page.goto(`${servers.example.url}compare/?a=ic3`);
    const a = page.locator('main form.picker-form select[name="a"]');
    await page.waitForFunction(() => document.querySelector('main form.picker-form select[name="a"]').value === 'senior-engineer', null, { timeout: 10000 });
    assert.equal(await a.inputValue(), 'senior-engineer');
    assert.equal(await page.locator('main form.picker-form .picker-note').count(), 0, 'no "no level" note');
  } finally {
    await context.close();
  }
});
