// Browser checks of a built bitimger site, run by tests/suite/product.rs.
//
//   node tests/browser/check.mjs --root <site output> --screenshots <dir> [--dom <dir>] KIND=PATH ...
//
// Serves the output folder on 127.0.0.1 (a random port), opens each page in
// Debian's headless chromium (never a downloaded browser) and reports, as one
// JSON object on stdout, for every page:
//   axe        axe-core violations (WCAG 2.0/2.1 A and AA rules, plus the
//              landmark and skip-link best practices)
//   widths     document width against the viewport at 360×740 and 1280×800
//   requests   every request of the page load: type, bytes, render-blocking
//   lv         whether the version for the visually impaired is on (class
//              "lv" on <html>): PATH?lv=1 turns it on
// and by kind:
//   club       keyboard: Tab from the top of the page until every feedback
//              button was focused, each focus visibly outlined; the skip
//              link moves focus to <main>; screenshots at both sizes
//   poster     the number of A4 pages its print to PDF has
//   low_vision a page with the version on: with --dom, its document as the
//              browser shows it goes to <dir>/<name>.html, for the Nu checker
// The test decides what passes; this script only measures. Exit codes:
// 0 measured, 2 wrong usage, 3 the browser could not be started.

import { createServer } from "node:http";
import { readFile, stat, mkdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE_SOURCE = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const AXE_EXTRA_RULES = [
  "region",
  "landmark-one-main",
  "landmark-unique",
  "landmark-no-duplicate-banner",
  "landmark-no-duplicate-contentinfo",
  "page-has-heading-one",
  "skip-link",
];
const VIEWPORTS = [
  { name: "360x740", width: 360, height: 740, mobile: true },
  { name: "1280x800", width: 1280, height: 800, mobile: false },
];
const CHROMIUM = process.env.BITIMGER_CHROMIUM || "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const PAGE_TIMEOUT_MS = 30_000;
const MAX_TABS = 250;
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".xml": "application/xml",
  ".pdf": "application/pdf",
};

function usage(message) {
  process.stderr.write(`check.mjs: ${message}\n`);
  process.stderr.write("usage: node check.mjs --root DIR --screenshots DIR KIND=PATH ...\n");
  process.exit(2);
}

function parseArgs(argv) {
  const options = { root: null, screenshots: null, dom: null, pages: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--root") options.root = argv[++i];
    else if (arg === "--screenshots") options.screenshots = argv[++i];
    else if (arg === "--dom") options.dom = argv[++i];
    else if (arg.includes("=")) {
      const at = arg.indexOf("=");
      options.pages.push({ kind: arg.slice(0, at), file: arg.slice(at + 1) });
    } else usage(`unknown argument ${arg}`);
  }
  if (!options.root) usage("--root is required");
  if (!options.screenshots) usage("--screenshots is required");
  if (options.pages.length === 0) usage("no pages given");
  return options;
}

/** A static file server for the output folder, like a plain web host. */
async function serve(root) {
  const base = path.resolve(root);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    let file = path.join(base, decodeURIComponent(url.pathname));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, "index.html");
      const body = await readFile(file);
      const type = TYPES[path.extname(file).toLowerCase()] || "application/octet-stream";
      res.writeHead(200, { "content-type": type, "content-length": body.length });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}/` };
}

async function runAxe(page) {
  // Evaluated through the DevTools protocol, which the page's CSP does not
  // govern: an inline <script> would (rightly) be refused.
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    async ({ tags, extra }) => {
      const extraOn = Object.fromEntries(extra.map((id) => [id, { enabled: true }]));
      const r = await window.axe.run(document, {
        runOnly: { type: "tag", values: tags },
        rules: extraOn,
        resultTypes: ["violations"],
      });
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => ({
          target: n.target.join(" "),
          summary: n.failureSummary,
        })),
      }));
    },
    { tags: AXE_TAGS, extra: AXE_EXTRA_RULES },
  );
  return results;
}

async function measureWidth(page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const limit = doc.clientWidth;
    const wide = [];
    for (const el of document.body.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (r.right > limit + 0.5 && wide.length < 5) {
        const id = el.id ? `#${el.id}` : "";
        const cls = el.className && typeof el.className === "string" ? `.${el.className.trim().split(/\s+/).join(".")}` : "";
        wide.push(`${el.tagName.toLowerCase()}${id}${cls} (right edge ${Math.round(r.right)})`);
      }
    }
    return { scrollWidth: doc.scrollWidth, clientWidth: limit, innerWidth: window.innerWidth, wide };
  });
}

/** Tabs through the page; notes each focused element and whether its focus is visible. */
async function keyboardPath(page) {
  const targets = await page.$$eval("#feedback .feedback-actions a", (as) => as.map((a) => a.getAttribute("href")));
  const reached = new Set();
  const invisible = [];
  let first = null;
  let tabs = 0;
  await page.reload({ waitUntil: "load" });
  while (tabs < MAX_TABS && reached.size < targets.length) {
    await page.keyboard.press("Tab");
    tabs++;
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      const outlined = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
      const shadowed = s.boxShadow && s.boxShadow !== "none";
      const r = el.getBoundingClientRect();
      return {
        tag: el.tagName.toLowerCase(),
        href: el.getAttribute("href"),
        cls: el.className || "",
        text: (el.textContent || "").trim().slice(0, 60),
        visible: outlined || Boolean(shadowed),
        onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < window.innerHeight,
        feedback: Boolean(el.closest("#feedback .feedback-actions")),
      };
    });
    if (!info) continue;
    if (first === null) first = info;
    if (!info.visible || !info.onScreen) invisible.push(`${info.tag}.${info.cls} "${info.text}"`);
    if (info.feedback) reached.add(info.href);
  }
  return {
    first,
    targets,
    reached: [...reached],
    tabs,
    invisible_focus: invisible.slice(0, 10),
  };
}

/** Follows the skip link with the keyboard and says where the focus went. */
async function skipLink(page) {
  await page.reload({ waitUntil: "load" });
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await page.waitForTimeout(100);
  return page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}` : "";
  });
}

/** A file name for a page: `kk/clubs/senim/index.html` → `kk-clubs-senim`. */
function nameOf(file) {
  return file.replace(/\?.*$/, "").replace(/(^|\/)index\.html$/, "").replace(/\.html$/, "").replace(/\//g, "-") || "root";
}

/** Number of pages in a PDF: the page objects of its page tree. */
function pdfPageCount(bytes) {
  const text = bytes.toString("latin1");
  const matches = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g);
  return matches ? matches.length : 0;
}

/** Prints the poster to PDF (A4) and looks for text its one-page box cuts off. */
async function printPoster(page, spec, options) {
  await page.emulateMedia({ media: "print" });
  // The printable area of A4 with the theme's 12 mm margins, in CSS pixels.
  await page.setViewportSize({ width: Math.floor((186 * 96) / 25.4), height: Math.floor((273 * 96) / 25.4) });
  const clipped = await page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll(".poster li, .poster p, .poster h1, .poster h2, .poster svg")) {
      for (let box = el.parentElement; box; box = box.parentElement) {
        if (getComputedStyle(box).overflow === "visible") continue;
        const b = box.getBoundingClientRect();
        const r = el.getBoundingClientRect();
        if (r.bottom > b.bottom + 0.5 || r.right > b.right + 0.5) {
          out.push(`${el.tagName.toLowerCase()} "${(el.textContent || "").trim().slice(0, 40)}"`);
          break;
        }
      }
    }
    return out;
  });
  const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
  if (options.keepPdf) {
    await mkdir(options.screenshots, { recursive: true });
    await writeFile(path.join(options.screenshots, `poster-${nameOf(spec.file)}.pdf`), pdf);
  }
  return { pdf_pages: pdfPageCount(pdf), poster_clipped: clipped.slice(0, 8) };
}

async function checkPage(browser, origin, spec, options) {
  const result = { kind: spec.kind, file: spec.file, error: null };
  const url = new URL(spec.file, origin).href;
  try {
    result.widths = [];
    for (const vp of VIEWPORTS) {
      const context = await browser.newContext({
        viewport: { width: vp.width, height: vp.height },
        isMobile: vp.mobile,
        hasTouch: vp.mobile,
        deviceScaleFactor: 1,
        reducedMotion: "reduce",
      });
      const page = await context.newPage();
      page.setDefaultTimeout(PAGE_TIMEOUT_MS);
      const requests = [];
      const csp = [];
      page.on("console", (m) => {
        if (m.type() === "error") csp.push(m.text());
      });
      const sizing = [];
      page.on("requestfinished", (req) => {
        const entry = { url: req.url().replace(origin, "/"), type: req.resourceType(), bytes: 0 };
        requests.push(entry);
        sizing.push(req.sizes().then((s) => (entry.bytes = s.responseBodySize), () => {}));
      });
      const response = await page.goto(url, { waitUntil: "load" });
      result.status = response ? response.status() : 0;
      await page.waitForLoadState("networkidle").catch(() => {});
      await Promise.all(sizing);
      result.widths.push({ viewport: vp.name, ...(await measureWidth(page)) });
      if (vp.mobile) {
        result.lv = await page.evaluate(() => document.documentElement.classList.contains("lv"));
        if (spec.kind === "low_vision" && options.dom) {
          const dom = await page.evaluate(() => "<!DOCTYPE html>\n" + document.documentElement.outerHTML);
          await mkdir(options.dom, { recursive: true });
          await writeFile(path.join(options.dom, `${nameOf(spec.file)}.html`), dom);
        }
        result.axe = await runAxe(page);
        result.requests = requests;
        result.console_errors = csp;
        result.landmarks = await page.evaluate(() => ({
          main: document.querySelectorAll("main").length,
          banner: document.querySelectorAll("body > header").length,
          contentinfo: document.querySelectorAll("body > footer").length,
          nav: document.querySelectorAll("nav").length,
          skip_link: document.querySelector("body > a.skip-link")?.getAttribute("href") || null,
        }));
      } else {
        result.axe_wide = await runAxe(page);
      }
      if (spec.kind === "club") {
        await mkdir(options.screenshots, { recursive: true });
        const shot = path.join(options.screenshots, `club-${nameOf(spec.file)}-${vp.name}.png`);
        await page.screenshot({ path: shot, fullPage: true });
        (result.screenshots ||= []).push(shot);
        if (!vp.mobile) {
          result.keyboard = await keyboardPath(page);
          result.skip_link_target = await skipLink(page);
        }
      }
      if (spec.kind === "poster" && !vp.mobile) {
        Object.assign(result, await printPoster(page, spec, options));
      }
      await context.close();
    }
  } catch (e) {
    result.error = String(e && e.stack ? e.stack : e);
  }
  return result;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  options.keepPdf = process.env.BITIMGER_KEEP_PDF === "1";
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      headless: true,
      timeout: 60_000,
    });
  } catch (e) {
    process.stderr.write(`check.mjs: could not start ${CHROMIUM}: ${e.message}\n`);
    process.exit(3);
  }
  const version = browser.version();
  const { server, origin } = await serve(options.root);
  const pages = [];
  try {
    for (const spec of options.pages) pages.push(await checkPage(browser, origin, spec, options));
  } finally {
    await browser.close();
    server.close();
  }
  process.stdout.write(JSON.stringify({ browser: version, pages }, null, 1) + "\n");
}

await main();
