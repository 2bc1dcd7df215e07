// The report page in a real browser (Debian's chromium via playwright-core; .ci/run installs it):
// it works offline (no request leaves file://), every chart renders, the console stays clean, and a
// hostile job file's text shows as text, never as markup or script.
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { cli } from "../cli/harness.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const HOSTILE = "</script><script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\">";

describe.skipIf(!existsSync(CHROMIUM))("the HTML report in headless Chromium", () => {
  it("renders every chart offline with no console errors, and escapes job-file text", { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "fsyncsim-report-"));
    const job = join(dir, "hostile.fio");
    writeFileSync(job, `[global]\nrw=randwrite\nbs=4k\nsize=256k\nfsync=1\ndescription=${HOSTILE}\n\n[${HOSTILE.replace(/[[\]]/g, "")}]\n`);
    const out = join(dir, "report");
    const r = await cli(["report", "--out", out, "--job", job, "--workers", "1"]);
    expect(r.code, r.stderr).toBe(0);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--disable-background-networking", "--disable-gpu", "--disable-dev-shm-usage"] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      const offsite: string[] = [];
      let dialogs = 0;
      page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
      page.on("pageerror", (e) => errors.push(String(e)));
      page.on("request", (q) => void (!q.url().startsWith("file:") && offsite.push(q.url())));
      page.on("dialog", (d) => {
        dialogs++;
        void d.dismiss();
      });
      await page.goto(`file://${join(out, "report.html")}`);
      await page.waitForSelector("body[data-ready]", { timeout: 60_000 });
      expect(await page.getAttribute("body", "data-ready")).toBe("charts");
      expect(errors).toEqual([]);
      expect(offsite).toEqual([]);
      // Three charts, each an SVG with marks drawn.
      expect(await page.locator(".chart svg").count()).toBe(3);
      for (let i = 0; i < 3; i++) expect(await page.locator(`#chart-${i} svg path, #chart-${i} svg rect`).count()).toBeGreaterThan(5);
      // The hostile text is on the page as text, and ran nowhere.
      expect(await page.evaluate("window.__pwned")).toBeUndefined();
      expect(dialogs).toBe(0);
      expect(await page.locator("body").innerText()).toContain("window.__pwned = 1");
      expect(await page.locator("script").count()).toBe(3 + 3 + 1); // vendor scripts, chart specs, the page's own
      expect(await page.locator("img[src=x]").count()).toBe(0);
    } finally {
      await browser.close();
    }
  });
});
