'use strict';
// The screenshots in docs/screenshots/ that the README shows: the overview, a level page and a
// comparison, on a desktop and on a phone. (The error overlay's is taken by live-reload.test.js.)
// Every run overwrites them, so they follow the theme.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { newContext, screenshotPath, useServerAndBrowser } = require('../lib/harness');

const PAGES = {
  overview: '/',
  level: '/levels/staff-engineer/',
  comparison: '/compare/engineer-2/senior-engineer/',
};
const DEVICES = {
  desktop: { viewport: { width: 1280, height: 800 }, shot: 1300 },
  phone: { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, shot: 1100 },
};

let server;
let browser;
useServerAndBrowser((s, b) => {
  server = s;
  browser = b;
});

for (const [device, options] of Object.entries(DEVICES)) {
  test(`screenshots at ${device} width`, { timeout: 60000 }, async () => {
    const { shot, ...contextOptions } = options;
    const context = await newContext(browser, contextOptions);
    const page = await context.newPage();
    try {
      for (const [name, path] of Object.entries(PAGES)) {
        await page.goto(server.url + path.slice(1));
        await page.evaluate(() => document.fonts.ready);
        const file = screenshotPath(`${name}-${device}.png`);
        // The top of the page, a little more than one screen, so the shot reaches the content.
        const height = Math.min(shot, await page.evaluate(() => document.documentElement.scrollHeight));
        await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width: options.viewport.width, height }, animations: 'disabled', caret: 'hide' });
        const png = fs.readFileSync(file);
        assert.equal(png.subarray(1, 4).toString(), 'PNG', `${file} is a PNG`);
        assert.equal(png.readUInt32BE(16), options.viewport.width, `${file} is ${options.viewport.width} px wide`);
        assert.ok(png.length > 10000, `${file} shows something (${png.length} bytes)`);
      }
    } finally {
      await context.close();
    }
  });
}
