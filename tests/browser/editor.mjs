// The editor of `bitimger serve --edit` in Debian's headless chromium, run
// by tests/suite/editor_browser.rs against a server it started:
//
//   node tests/browser/editor.mjs --url <address with token> --photo <file> [--screenshot <png>]
//
// Opens the address (the token becomes a cookie), then as a teacher would:
// the club page's Edit button, a new motto, saved; a report's figure,
// saved; a new news item with a photo uploaded and put in its text,
// saved; a wrong region code, saved (refused); a leader's photo uploaded
// with the button beside its field, saved; the plan's table, a box ticked
// and an item removed with the keyboard. Measures on the way axe-core
// (WCAG 2.0/2.1 A and AA) and sideways scrolling at 360×740 and 1280×800
// on each editor page, and reports one JSON object on stdout. The test
// decides what passes. Exit codes: 0 measured, 2 wrong usage, 3 the
// browser could not be started, 4 a step failed (its message on stderr).

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE_SOURCE = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const CHROMIUM = process.env.BITIMGER_CHROMIUM || "/usr/bin/chromium";
const STEP_MS = 30_000;

function args(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i += 2) out[argv[i].replace(/^--/, "")] = argv[i + 1];
  if (!out.url || !out.photo) {
    process.stderr.write("usage: editor.mjs --url URL --photo FILE [--screenshot PNG]\n");
    process.exit(2);
  }
  return out;
}

async function axe(page) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
  }, AXE_TAGS);
}

// axe and widths of the page now shown, at both sizes.
async function measure(page, name, report) {
  for (const [w, h] of [[360, 740], [1280, 800]]) {
    await page.setViewportSize({ width: w, height: h });
    const violations = await axe(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    report.pages.push({ name, size: `${w}x${h}`, violations, overflow: width });
  }
}

// Waits until the preview has rebuilt after a save: a reload of the open
// tab must not land in the middle of the next step.
async function idle(page, origin) {
  let last = -1;
  for (let i = 0; i < 300; i++) {
    const s = await (await page.request.get(`${origin}/__bitimger/status`)).json();
    if (!s.busy && s.builds === last) return;
    last = s.busy ? -1 : s.builds;
    await page.waitForTimeout(200);
  }
}

async function edit(page, origin, path) {
  await idle(page, origin);
  await page.goto(`${origin}${path}`);
  await Promise.all([page.waitForURL(/__bitimger\/edit/), page.click("#bitimger-edit")]);
}

async function save(page) {
  await Promise.all([page.waitForLoadState("load"), page.click("form.editor .actions button[type=submit]")]);
  await page.waitForLoadState("load");
}

async function main() {
  const opt = args(process.argv.slice(2));
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu"], headless: true, timeout: 60_000 });
  } catch (e) {
    process.stderr.write(`editor.mjs: could not start ${CHROMIUM}: ${e.message}\n`);
    process.exit(3);
  }
  const report = { pages: [], steps: {}, console: [] };
  const origin = new URL(opt.url).origin;
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(STEP_MS);
    page.on("console", (m) => m.type() === "error" && report.console.push(m.text()));
    await page.goto(opt.url);

    // The club: its Edit button, the motto in Russian.
    await edit(page, origin, "/kk/");
    await measure(page, "club form", report);
    if (opt.screenshot) await page.screenshot({ path: opt.screenshot, fullPage: false });
    report.steps.mottoHint = await page.locator("input[name='l0:motto@ru']").getAttribute("aria-describedby");
    await page.fill("input[name='l0:motto@ru']", "Слушать. Понимать. Договариваться.");
    await save(page);
    report.steps.afterClub = new URL(page.url()).pathname;

    // A report's figure.
    await edit(page, origin, "/kk/clubs/senim/reports/2025-2026/");
    await measure(page, "report form", report);
    await page.fill("input[name='v0:indicators/trainings']", "5");
    await save(page);
    report.steps.afterReport = new URL(page.url()).pathname;

    // A new news item, a photo uploaded from the keyboard's file field.
    await edit(page, origin, "/kk/");
    await page.fill("#new-title", "Жаңа тренинг");
    await Promise.all([page.waitForURL(/doc=/), page.click("form[action$='/new']:has(input[value=news]) button")]);
    await measure(page, "news form", report);
    await page.setInputFiles("#photo-file", opt.photo);
    await page.waitForFunction(() => /photos\//.test(document.querySelector("form.photo .photo-status").textContent));
    // The form shows the line that puts the photo in a text: pasted in.
    const line = (await page.textContent("form.photo .photo-status")).trim();
    report.steps.photo = line.replace(/^!\[\]\(clubs\/senim\/(.*)\)$/, "$1");
    const body = await page.inputValue("textarea[name=b0]");
    await page.fill("textarea[name=b0]", `${body.trimEnd()}\n\n${line.replace("![]", "![Тренинг]")}\n`);
    await save(page);
    report.steps.afterNews = new URL(page.url()).pathname;

    // A wrong region code: refused, its problem beside the field.
    await edit(page, origin, "/kk/");
    await page.fill("input[name='v0:school/region']", "qaraganddy");
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith("/save")), page.click("form.editor .actions button[type=submit]")]);
    await page.waitForLoadState("load");
    report.steps.invalidStatus = response.status();
    report.steps.invalidBeside = await page.evaluate(() => {
      const input = document.querySelector("input[name='v0:school/region']");
      const field = input.closest(".field");
      return { text: [...field.querySelectorAll("pre.problem")].map((p) => p.textContent).join("\n"), invalid: input.getAttribute("aria-invalid"), value: input.value };
    });
    await measure(page, "refused form", report);

    // A leader's photo, uploaded with the button beside its field, saved.
    await edit(page, origin, "/kk/");
    const pick = page.locator("input.photo-pick[id*='-file']").first();
    const target = await pick.getAttribute("data-target");
    report.steps.leaderField = await page.getAttribute(`#${target}`, "name");
    await pick.setInputFiles(opt.photo);
    await page.waitForFunction((id) => /^photos\//.test(document.getElementById(id).value), target);
    report.steps.leaderPhoto = await page.inputValue(`#${target}`);
    // Enter in the field saves (never a list's Add or Remove).
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/__bitimger/")), page.press(`#${target}`, "Enter")]);
    report.steps.afterLeader = new URL(page.url()).pathname;

    // The plan: its items as a table, one block per item at 360 px; a box
    // ticked and an item removed with the keyboard.
    await idle(page, origin);
    await page.goto(`${origin}/__bitimger/edit/?page=${encodeURIComponent("/kk/clubs/senim/plans/2025-2026/")}`);
    await measure(page, "plan form", report);
    report.steps.planWide = await page.evaluate(() => {
      const t = document.querySelector("table.items");
      return { rows: t.tBodies[0].rows.length, headers: [...t.tHead.rows[0].cells].map((c) => c.textContent) };
    });
    await page.setViewportSize({ width: 360, height: 740 });
    report.steps.planNarrow = await page.evaluate(() => {
      const row = document.querySelector("table.items tbody tr");
      const label = row.querySelector("td label");
      return { display: getComputedStyle(row).display, label: label.getBoundingClientRect().width > 1, role: row.getAttribute("role") };
    });
    await page.focus("input[type=checkbox][name='v0:items/#2/done']");
    await page.keyboard.press("Space");
    await page.focus("button.remove[value='0:items/#1']");
    await Promise.all([page.waitForURL(/doc=/), page.keyboard.press("Enter")]);
    report.steps.afterRemove = await page.locator("table.items tbody tr").count();
  } catch (e) {
    process.stderr.write(`editor.mjs: ${e.stack || e}\n`);
    process.stdout.write(JSON.stringify(report));
    await browser.close();
    process.exit(4);
  }
  await browser.close();
  process.stdout.write(JSON.stringify(report));
}

await main();
