'use strict';
// Accessibility: axe-core at WCAG 2.1 AA on one page of every kind, light and dark, and
// keyboard-only navigation with a skip link and a visible focus ring.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { newContext, PAGE_KINDS, useServerAndBrowser } = require('../lib/harness');

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let server;
let browser;
useServerAndBrowser((s, b) => {
  server = s;
  browser = b;
});

function describeViolations(violations) {
  return violations
    .map((v) => `  ${v.id} (${v.impact}): ${v.help}\n` + v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`).join('\n'))
    .join('\n');
}

const SETUPS = {
  light: { viewport: { width: 1280, height: 800 }, colorScheme: 'light' },
  dark: { viewport: { width: 1280, height: 800 }, colorScheme: 'dark' },
  // On a phone the wide tables scroll inside their boxes, which must then take keyboard focus.
  'phone, 375 px': { viewport: { width: 375, height: 812 }, colorScheme: 'light' },
};

for (const [scheme, options] of Object.entries(SETUPS)) {
  test(`axe-core finds no WCAG 2.1 AA violations on any kind of page (${scheme})`, { timeout: 120000 }, async (t) => {
    const context = await newContext(browser, options);
    const page = await context.newPage();
    const failures = [];
    try {
      for (const [kind, path] of Object.entries(PAGE_KINDS)) {
        await page.goto(server.url + path.slice(1));
        await page.addScriptTag({ content: AXE_SOURCE });
        const result = await page.evaluate(async (tags) => {
          const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
          return {
            violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })),
            passes: r.passes.length,
            incomplete: r.incomplete.map((v) => v.id),
          };
        }, WCAG_TAGS);
        assert.ok(result.passes > 10, `axe ran on ${path}`);
        if (result.incomplete.length) t.diagnostic(`${kind} ${path} (${scheme}): needs review: ${[...new Set(result.incomplete)].join(', ')}`);
        if (result.violations.length) failures.push(`${kind} ${path} (${scheme}):\n${describeViolations(result.violations)}`);
      }
    } finally {
      await context.close();
    }
    assert.deepEqual(failures, [], `axe violations:\n${failures.join('\n')}`);
  });
}

test('keyboard: Tab reaches the skip link first, then every link in order, each with a visible focus ring', { timeout: 120000 }, async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  try {
    for (const [kind, path] of Object.entries(PAGE_KINDS)) {
      await page.goto(server.url + path.slice(1));
      // What a keyboard should reach, in DOM order: every rendered link and focusable control.
      const expected = await page.evaluate(() => {
        const sel = 'a[href], area[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]';
        const all = [...document.querySelectorAll(sel)].filter((el) => el.tabIndex >= 0 && el.checkVisibility({ visibilityProperty: true }));
        all.forEach((el, i) => { el.dataset.kb = String(i); });
        return all.map((el) => `${el.tagName.toLowerCase()} ${(el.getAttribute('aria-label') || el.textContent).trim().replace(/\s+/g, ' ').slice(0, 40)}`);
      });
      const links = await page.locator('a[href]').count();
      assert.ok(expected.length >= links - 40, `${kind}: most links are reachable (${expected.length} of ${links} links; closed <details> hide the rest)`);
      for (let i = 0; i < expected.length; i++) {
        await page.keyboard.press('Tab');
        const f = await page.evaluate(() => {
          const el = document.activeElement;
          const s = getComputedStyle(el);
          const r = el.getBoundingClientRect();
          return {
            kb: el.dataset.kb ?? null,
            what: `${el.tagName.toLowerCase()}.${el.className}`,
            skip: el.classList.contains('skip-link'),
            focusVisible: el.matches(':focus-visible'),
            outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
            ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
            onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
            shown: el.checkVisibility({ visibilityProperty: true, opacityProperty: true }),
          };
        });
        const where = `${kind} ${path}, Tab ${i + 1} (${expected[i]})`;
        if (i === 0) assert.ok(f.skip, `${where}: the first Tab reaches the skip link, not ${f.what}`);
        assert.equal(f.kb, String(i), `${where}: focus went to ${f.what} #${f.kb} ${f.kb === null ? '' : expected[f.kb]}`);
        assert.ok(f.focusVisible && f.ring, `${where}: a visible focus ring (outline: ${f.outline})`);
        assert.ok(f.onScreen && f.shown, `${where}: the focused element is on screen`);
      }
    }

    // The skip link moves focus to the main content: the next Tab is the first link in <main>.
    await page.goto(`${server.url}levels/staff-engineer/`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.hash === '#main');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main', 'Enter on the skip link focuses <main>');
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => ({
      inMain: document.activeElement.closest('main') !== null,
      first: document.activeElement === document.querySelector('main a[href]'),
    }));
    assert.ok(next.inMain && next.first, 'after the skip link, Tab goes to the first link of the content');
  } finally {
    await context.close();
  }
});

test('a heading is named by its own words, and every permalink by where it goes, the picker\'s too', { timeout: 60000 }, async () => {
  const context = await newContext(browser, { viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    for (const path of [PAGE_KINDS.level, PAGE_KINDS.pillar, PAGE_KINDS.comparison, '/compare/?a=engineer-1&b=vp-engineering']) {
      await page.goto(server.url + path.slice(1));
      if (path.includes('?')) await page.locator('#picked table.compare tbody tr').first().waitFor();
      const r = await page.evaluate(() => ({
        // A permalink inside a heading makes its name part of the heading's: "Technical
        // craft Permalink to Technical craft".
        inside: [...document.querySelectorAll(':is(h1, h2, h3, h4) a.permalink')].length,
        unnamed: [...document.querySelectorAll('a.permalink')].filter((a) => !(a.getAttribute('aria-label') || '').startsWith('Permalink to ')).length,
        permalinks: document.querySelectorAll('a.permalink').length,
      }));
      assert.ok(r.permalinks > 0, `${path} has permalinks`);
      assert.equal(r.inside, 0, `${path}: permalinks inside headings`);
      assert.equal(r.unnamed, 0, `${path}: permalinks without a name that says where they go`);
    }
    // On a wide screen the picker's column heads name each cell's level; a name inside the
    // cell too was read before every cell's text.
    await page.goto(server.url + 'compare/?a=engineer-1&b=vp-engineering');
    await page.locator('#picked table.compare tbody tr').first().waitFor();
    const shown = await page.evaluate(() => [...document.querySelectorAll('#picked .side-level')].filter((p) => getComputedStyle(p).display !== 'none').length);
    assert.equal(shown, 0, 'level names inside the picker\'s cells on a wide screen');
    await page.goto(server.url + PAGE_KINDS.level.slice(1));
    const craft = await page.locator('#craft h2').textContent();
    assert.equal(await page.getByRole('heading', { name: craft, exact: true }).count(), 1);
  } finally {
    await context.close();
  }
});

test('at 375 px a focused link of the site menu, which scrolls sideways, shows its whole focus ring', { timeout: 60000 }, async () => {
  const context = await newContext(browser, { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  try {
    await page.goto(`${server.url}levels/staff-engineer/`);
    const links = await page.locator('.site-nav a').count();
    assert.ok(links >= 3);
    for (let i = 0; i < links; i++) {
      // Focused as Tab focuses it, which scrolls it into the menu's view.
      await page.locator('.site-nav a').nth(i).focus();
      await page.evaluate(() => document.activeElement.scrollIntoView({ block: 'nearest', inline: 'nearest' }));
      // The ring's outer edge (the link's box grown by the outline's width and offset) lies
      // inside the menu's row, which clips everything outside it.
      const r = await page.evaluate(() => {
        const a = document.activeElement;
        const s = getComputedStyle(a);
        const grow = parseFloat(s.outlineWidth) + parseFloat(s.outlineOffset);
        const box = a.getBoundingClientRect();
        const clip = a.closest('ul').getBoundingClientRect();
        return {
          text: a.textContent.trim(),
          inside: box.left - grow >= clip.left - 0.5 && box.right + grow <= clip.right + 0.5
            && box.top - grow >= clip.top - 0.5 && box.bottom + grow <= clip.bottom + 0.5,
          ring: `${s.outlineStyle} ${s.outlineWidth} offset ${s.outlineOffset}`,
          box: [box.left, box.top, box.right, box.bottom].map(Math.round),
          clip: [clip.left, clip.top, clip.right, clip.bottom].map(Math.round),
        };
      });
      assert.ok(r.inside, `"${r.text}": its ring (${r.ring}) around ${r.box} stays inside the menu ${r.clip}`);
    }
  } finally {
    await context.close();
  }
});
