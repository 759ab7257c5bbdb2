'use strict';
// Small in-page checks shared by the test files.

const assert = require('node:assert/strict');

/** The page's first h1 as a reader sees it (whitespace collapsed). */
async function h1(page) {
  return (await page.locator('h1').first().innerText()).replace(/\s+/g, ' ').trim();
}

/**
 * Clicks `locator` and asserts the reader lands at `path` (and `hash`, if given) on a page
 * whose h1 is `heading`; a hash target must be the `:target` and on screen.
 */
async function clickAndLand(page, locator, { path, hash = '', heading }) {
  await locator.click();
  await page.waitForURL((u) => u.pathname === path && u.hash === hash, { timeout: 10000 });
  await page.waitForLoadState('load');
  assert.equal(await h1(page), heading, `h1 at ${path}`);
  if (hash) await assertTargetOnScreen(page, hash.slice(1));
}

/** The element with `id` exists, is the `:target`, and is scrolled into the viewport. */
async function assertTargetOnScreen(page, id) {
  const r = await page.evaluate((id) => {
    const el = document.getElementById(id);
    if (!el) return null;
    const rect = el.getBoundingClientRect();
    return { target: el.matches(':target'), top: rect.top, bottom: rect.bottom, vh: innerHeight, scrollY };
  }, id);
  assert.ok(r, `#${id} exists`);
  assert.ok(r.target, `#${id} is the :target`);
  assert.ok(r.top >= -1 && r.top < r.vh && r.bottom > 0, `#${id} is on screen (top ${r.top}, viewport ${r.vh})`);
}

/** sRGB relative luminance (WCAG 2.x) of a computed CSS colour `rgb(...)`/`rgba(...)`. */
function luminance(css) {
  const m = /rgba?\(([^)]+)\)/.exec(css);
  assert.ok(m, `a computed colour: ${css}`);
  const [r, g, b] = m[1].split(/[ ,/]+/).slice(0, 3).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

module.exports = { h1, clickAndLand, assertTargetOnScreen, luminance, contrast };
