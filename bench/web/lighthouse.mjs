// One Lighthouse 12 run (performance only; mobile form factor, simulated throttling: Lighthouse's
// default settings, which are its mobile preset) of one URL in Debian's Chromium, each in a fresh
// browser and profile. Returns the figures the report uses; the full result is saved for profiling.
import fs from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import puppeteer from "puppeteer-core"; // Lighthouse's own driver (its dependency), to set up the page first

export const CHROME_PATH = process.env.CHROME_PATH || "/usr/bin/chromium";

// As Playwright's config and this machine's notes start it: no sandbox (root), no GPU, and no
// traffic to any host but the loopback one (Chromium's background services would be refused).
export const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
];

/** Fails with the fix when Chromium is missing (nothing is downloaded at run time). */
export function checkChromium() {
  if (!fs.existsSync(CHROME_PATH)) {
    throw new Error(`Chromium not found at ${CHROME_PATH}. Install Debian's package: apt-get install chromium (or set CHROME_PATH)`);
  }
}

export const LIGHTHOUSE_CONFIG = {
  extends: "lighthouse:default",
  settings: {
    onlyCategories: ["performance"],
    formFactor: "mobile",
    throttlingMethod: "simulate",
  },
};

const launched = new Set();

/** Kills every Chromium this module started (on a failure or a signal). */
export async function killChromes() {
  await Promise.all([...launched].map((c) => Promise.resolve(c.kill()).catch(() => {})));
  launched.clear();
}

/**
 * Runs Lighthouse on `url`. `headers` go with every request the page makes (the session cookie,
 * Accept-Language); `localStorage` (an object) is written on the URL's origin before the run
 * (Lighthouse clears caches and service workers, not localStorage). Returns { metrics, lhr }.
 */
export async function runLighthouse(url, { headers = {}, localStorage = null } = {}) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS, logLevel: "silent" });
  launched.add(chrome);
  let browser;
  try {
    browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null });
    const page = await browser.newPage();
    if (localStorage) {
      const origin = new URL(url).origin;
      await page.goto(`${origin}/api/health/live`, { waitUntil: "load" }).catch(() => page.goto(origin));
      await page.evaluate((entries) => {
        for (const [k, v] of Object.entries(entries)) window.localStorage.setItem(k, v);
      }, Object.fromEntries(Object.entries(localStorage).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)])));
    }
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", extraHeaders: headers }, LIGHTHOUSE_CONFIG, page);
    if (!result?.lhr) throw new Error(`Lighthouse returned no result for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    return { metrics: metricsOf(lhr), lhr };
  } finally {
    await browser?.disconnect().catch(() => {});
    await Promise.resolve(chrome.kill()).catch(() => {});
    launched.delete(chrome);
  }
}

const num = (lhr, id) => lhr.audits[id]?.numericValue ?? null;

/** The report's figures from one Lighthouse result. */
export function metricsOf(lhr) {
  const requests = lhr.audits["network-requests"]?.details?.items ?? [];
  const byType = (type) => requests.filter((r) => r.resourceType === type);
  const transfer = (list) => list.reduce((n, r) => n + (r.transferSize ?? 0), 0);
  const scripts = byType("Script");
  const fonts = byType("Font");
  const path = (u) => {
    try {
      return new URL(u).pathname;
    } catch {
      return u;
    }
  };
  return {
    finalUrl: lhr.finalDisplayedUrl,
    score: lhr.categories.performance.score === null ? null : Math.round(lhr.categories.performance.score * 100),
    jsBytes: transfer(scripts),
    jsRequests: scripts.length,
    mainThreadMs: num(lhr, "mainthread-work-breakdown"),
    bootupMs: num(lhr, "bootup-time"),
    lcpMs: num(lhr, "largest-contentful-paint"),
    fcpMs: num(lhr, "first-contentful-paint"),
    tbtMs: num(lhr, "total-blocking-time"),
    cls: num(lhr, "cumulative-layout-shift"),
    siMs: num(lhr, "speed-index"),
    fontBytes: transfer(fonts),
    fontRequests: fonts.length,
    cssBytes: transfer(byType("Stylesheet")),
    documentBytes: transfer(byType("Document")),
    totalBytes: transfer(requests),
    domSize: num(lhr, "dom-size"),
    scripts: scripts.map((r) => ({ path: path(r.url), transfer: r.transferSize ?? 0 })).sort((a, b) => b.transfer - a.transfer),
    mainThread: (lhr.audits["mainthread-work-breakdown"]?.details?.items ?? []).map((i) => ({ group: i.group, ms: i.duration })),
    bootup: (lhr.audits["bootup-time"]?.details?.items ?? []).slice(0, 6).map((i) => ({ url: path(i.url), totalMs: i.total, scriptingMs: i.scripting })),
    warnings: lhr.runWarnings ?? [],
    // Audits Lighthouse could not compute (with Chromium newer than it knows, some trace-element audits).
    erroredAudits: Object.values(lhr.audits).filter((a) => a.scoreDisplayMode === "error").map((a) => a.id),
  };
}
