'use strict';
// Shared set-up for the browser tests: the ladderbook binary, a temp copy of the example
// ladder, `ladderbook serve` on a free loopback port, `ladderbook build`, and headless Chromium.
// Every wait here is bounded, and everything started is stopped by the test file's `after`.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const net = require('node:net');
const { spawn, execFileSync } = require('node:child_process');
const { chromium } = require('playwright-core');

const E2E = path.resolve(__dirname, '..');
const REPO = path.resolve(E2E, '..');
const SCREENSHOTS = path.join(REPO, 'docs', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The binary under test: $LADDERBOOK_BIN, or the debug build (`cargo build`). */
function binary() {
  const bin = process.env.LADDERBOOK_BIN
    ? path.resolve(process.env.LADDERBOOK_BIN)
    : path.join(REPO, 'target', 'debug', 'ladderbook');
  if (!fs.existsSync(bin)) {
    throw new Error(`no ladderbook binary at ${bin}: run \`cargo build\` in ${REPO}, or set LADDERBOOK_BIN`);
  }
  return bin;
}

/**
 * A fresh temp copy of the example ladder: book.toml and content/. The theme is the one built
 * into the binary (templates/ and static/ are compiled in by src/render.rs), so rebuild the
 * binary after editing the theme.
 */
function copyLadder() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ladderbook-e2e-'));
  fs.copyFileSync(path.join(REPO, 'book.toml'), path.join(dir, 'book.toml'));
  fs.cpSync(path.join(REPO, 'content'), path.join(dir, 'content'), { recursive: true });
  return dir;
}

/** A port that was free on 127.0.0.1 a moment ago. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * A real ladder from tests/fixtures/real-ladders/ (`source`: a file or folder there; or under
 * `fixtures`, another folder of tests/fixtures/), brought in with `ladderbook import` into a
 * fresh temp folder, which it returns.
 */
function importLadder(source, fixtures = 'real-ladders') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ladderbook-e2e-import-'));
  const from = path.join(REPO, 'tests', 'fixtures', fixtures, source);
  try {
    execFileSync(binary(), ['import', from, '-o', dir, '--force'], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60000 });
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`ladderbook import ${source} failed (${e.status}):\n${e.stderr}`);
  }
  return dir;
}

/**
 * Starts `ladderbook serve <dir> -p <free port>` and resolves once it prints its address.
 * `dir` is a ladder folder the server then owns (removed by stop()); by default a temp copy
 * of the example ladder; `port`, a port to serve on (by default a free one). Returns
 * { url, port, dir, stop({ keep }), output() }: stop() removes `dir` unless `keep` is set.
 */
async function startServer({ timeoutMs = 15000, dir = copyLadder(), port: wanted } = {}) {
  const bin = binary();
  const port = wanted ?? await freePort();
  const child = spawn(bin, ['serve', dir, '-p', String(port), '-n', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => { out += d; });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`ladderbook serve did not start within ${timeoutMs} ms:\n${out}`)), timeoutMs);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /Serving .* at (http:\/\/127\.0\.0\.1:(\d+)\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        if (Number(m[2]) !== port) reject(new Error(`asked for port ${port}, got ${m[1]}`));
        else resolve(m[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`ladderbook serve exited with ${code}:\n${out}`));
    });
  });
  child.removeAllListeners('exit');
  return {
    url,
    port,
    dir,
    output: () => out,
    async stop({ keep = false } = {}) {
      if (child.exitCode === null && child.signalCode === null) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([gone, new Promise((r) => setTimeout(r, 3000))]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      if (!keep) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * `ladderbook build` of a temp copy of the example ladder; returns { dest, remove() } with
 * dest the built site.
 */
function buildSite() {
  const dir = copyLadder();
  const dest = path.join(dir, 'book');
  try {
    execFileSync(binary(), ['build', dir], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60000 });
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`ladderbook build failed (${e.status}):\n${e.stderr}`);
  }
  return { dest, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The site addresses of a build: every `index.html` as its folder's address, plus `404.html`.
 * Alias pages (meta-refresh redirects) are listed apart.
 */
function sitePages(dest) {
  const pages = [];
  const redirects = [];
  const walk = (rel) => {
    for (const e of fs.readdirSync(path.join(dest, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.name.endsWith('.html')) {
        const address = '/' + (e.name === 'index.html' ? (rel ? `${rel}/` : '') : r);
        const html = fs.readFileSync(path.join(dest, r), 'utf8');
        (/http-equiv="refresh"/.test(html) ? redirects : pages).push(address);
      }
    }
  };
  walk('');
  return { pages: pages.sort(), redirects: redirects.sort() };
}

/** Headless Debian Chromium through playwright-core; a fresh profile per launch. */
function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30000 });
}

/**
 * A fresh browser context (its own cookies, storage and cache): desktop size unless told,
 * and a 10 s limit on every wait, so a missing element fails fast instead of hanging.
 */
async function newContext(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  context.setDefaultTimeout(10000);
  context.setDefaultNavigationTimeout(15000);
  return context;
}

/** One page of every kind, for the axe and keyboard checks. */
const PAGE_KINDS = {
  overview: '/',
  track: '/tracks/ic/',
  level: '/levels/staff-engineer/',
  pillar: '/pillars/craft/',
  comparison: '/compare/senior-engineer/staff-engineer/',
  'compare-index': '/compare/',
  'free page': '/how-to-read/',
  'not found': '/404.html',
};

function screenshotPath(name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, name);
}

/**
 * Starts `ladderbook serve` on a copy of the example ladder and a browser before a test
 * file's tests, hands both to `set(server, browser)`, and stops both after them.
 */
function useServerAndBrowser(set) {
  const { before, after } = require('node:test');
  let server;
  let browser;
  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    set(server, browser);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
}

module.exports = {
  importLadder,
  useServerAndBrowser,
  E2E,
  REPO,
  binary,
  copyLadder,
  startServer,
  buildSite,
  sitePages,
  launchBrowser,
  newContext,
  PAGE_KINDS,
  screenshotPath,
};
