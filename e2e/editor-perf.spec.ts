import { writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { ANONYMOUS } from "./support/ui";
import { newWorkflow } from "./support/editor";

test.use({ storageState: ANONYMOUS });
// Tracing snapshots the whole DOM around every Playwright action (each mouse move): it would be measured too.
test.use({ trace: "off" });

// Measurement, not a check: EDITOR_PERF=1 … --grep "1,000" prints the load, pan and drag figures for a
// 1,000-step / ~1,500-edge workflow (and writes them as JSON to EDITOR_PERF_OUT when set; `npm run bench` does).
test("a 1,000-step workflow opens, pans and drags (EDITOR_PERF=1 only)", async ({ page }) => {
  test.skip(!process.env.EDITOR_PERF, "measurement only");
  test.setTimeout(600_000);
  const reps = Math.max(1, Number(process.env.EDITOR_PERF_REPS) || 5);
  await newWorkflow(page, `Big ${Date.now()}`);
  const lines = ["name: big", "steps:"];
  // "chain" (default): step i depends on i−1, even steps also on i/2 — 1,497 edges, a long graph of which a
  // screen shows a part. "layers": 40 layers of 25, each step on the one before it and 9 in 16 also on its
  // neighbour — 1,500 edges, a compact graph the first fit shows whole.
  const layers = process.env.EDITOR_PERF_SHAPE === "layers";
  for (let i = 0; i < 1000; i++) {
    const [l, j] = [Math.floor(i / 25), i % 25];
    const deps = layers
      ? l === 0 ? [] : [`s${i - 25}`, ...(i % 16 < 9 ? [`s${(l - 1) * 25 + ((j + 1) % 25)}`] : [])]
      : i === 0 ? [] : i % 2 === 0 && i > 2 ? [`s${i - 1}`, `s${Math.floor(i / 2)}`] : [`s${i - 1}`];
    lines.push(`  - id: s${i}`, "    kind: noop", ...(deps.length ? [`    dependsOn: [${deps.join(", ")}]`] : []));
  }
  const t0 = Date.now();
  await page.getByLabel("Import definition file").setInputFiles({ name: "big.yaml", mimeType: "application/yaml", buffer: Buffer.from(lines.join("\n") + "\n") });
  await expect(page.locator(".react-flow__node").first()).toBeVisible({ timeout: 60_000 });
  const importMs = Date.now() - t0;
  await page.getByRole("button", { name: "Save version" }).click();
  await expect(page.getByTestId("save-status")).toContainText("Saved as version 2", { timeout: 60_000 });
  const url = page.url();

  // Load = from the start of navigation to the first frame that paints step nodes (measured in the page,
  // so Playwright's polling is not counted).
  await page.addInitScript(() => {
    const w = window as unknown as { editorShownAt_?: number };
    const poll = () => {
      const n = document.querySelector(".react-flow__node");
      if (n && getComputedStyle(n).visibility !== "hidden") requestAnimationFrame(() => { w.editorShownAt_ = performance.now(); });
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  });
  const loadMs: number[] = [];
  const htmlKb: number[] = [];
  const ttfbMs: number[] = [];
  const domMs: number[] = [];
  for (let r = 0; r < reps; r++) {
    const res = await page.goto(url);
    htmlKb.push(Math.round(((await res?.body())?.length ?? 0) / 1024));
    await page.waitForFunction(() => (window as unknown as { editorShownAt_?: number }).editorShownAt_ !== undefined, null, { timeout: 60_000 });
    const t = await page.evaluate(() => ({
      shown: (window as unknown as { editorShownAt_: number }).editorShownAt_,
      nav: performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined,
    }));
    loadMs.push(Math.round(t.shown));
    ttfbMs.push(Math.round(t.nav?.responseStart ?? 0));
    domMs.push(Math.round(t.nav?.domContentLoadedEventEnd ?? 0));
  }
  await expect(page.locator(".react-flow__node").first()).toBeVisible();

  /** Frame times (ms) while `gesture` runs. */
  async function frames(gesture: () => Promise<void>): Promise<number> {
    await page.evaluate(() => {
      const w = window as unknown as { frames_: number[]; framing_: boolean };
      w.frames_ = [];
      w.framing_ = true;
      let last = performance.now();
      const tick = (t: number) => { w.frames_.push(t - last); last = t; if (w.framing_) requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    });
    await gesture();
    const fs = await page.evaluate(() => {
      const w = window as unknown as { frames_: number[]; framing_: boolean };
      w.framing_ = false;
      return w.frames_.slice(1).sort((a, b) => a - b);
    });
    return Number((fs[Math.floor(fs.length * 0.95)] ?? 0).toFixed(1));
  }
  const pane = await page.locator(".react-flow__pane").boundingBox();
  if (!pane) throw new Error("no pane");
  const cx = pane.x + pane.width / 2;
  const cy = pane.y + pane.height / 2;
  /** A point of the pane with no step or edge on it (a press there pans). */
  const emptyPoint = () =>
    page.evaluate((p) => {
      for (let y = p.y + p.height - 8; y > p.y; y -= 12)
        for (let x = p.x + p.width / 2; x > p.x + 60; x -= 12) if (document.elementFromPoint(x, y)?.classList.contains("react-flow__pane")) return { x, y };
      return null;
    }, pane);
  /** Pans left and up by up to 470 × 120 px and back. */
  const pan = async () => {
    const at = await emptyPoint();
    if (!at) throw new Error("no empty point on the pane");
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    for (let i = 0; i < 60; i++) await page.mouse.move(at.x - i * 8, at.y - i * 2);
    for (let i = 59; i >= 0; i--) await page.mouse.move(at.x - i * 8, at.y - i * 2);
    await page.mouse.up();
  };
  const panP95: number[] = [];
  const dragP95: number[] = [];
  for (let r = 0; r < reps; r++) {
    panP95.push(await frames(pan));
    // The step node nearest the pane's centre, dragged towards the centre.
    const box = await page.evaluate((p) => {
      let best: { x: number; y: number; d: number } | null = null;
      for (const n of document.querySelectorAll(".react-flow__node")) {
        const b = n.getBoundingClientRect();
        const x = b.left + b.width / 2;
        const y = b.top + 12;
        if (b.width === 0 || x < p.x || x > p.x + p.width || y < p.y || y > p.y + p.height) continue;
        const d = Math.hypot(x - (p.x + p.width / 2), y - (p.y + p.height / 2));
        if (!best || d < best.d) best = { x, y, d };
      }
      return best;
    }, pane);
    if (!box) throw new Error("no step node on screen to drag");
    const dx = Math.sign(cx - box.x) || 1;
    const dy = Math.sign(cy - box.y) || 1;
    dragP95.push(await frames(async () => {
      await page.mouse.move(box.x, box.y);
      await page.mouse.down();
      for (let i = 0; i < 40; i++) await page.mouse.move(box.x + dx * i * 2, box.y + dy * i);
      await page.mouse.up();
    }));
  }
  // Zoomed out to the whole graph (Fit): every step of a compact graph is on screen.
  await page.getByRole("button", { name: "Fit", exact: true }).click();
  await page.waitForTimeout(300);
  const panFitP95: number[] = [];
  for (let r = 0; r < reps; r++) panFitP95.push(await frames(pan));
  const fitZoom = Number(/scale\(([\d.]+)\)/.exec((await page.locator(".react-flow__viewport").getAttribute("style")) ?? "")?.[1] ?? "1");
  const result = { importMs, loadMs, ttfbMs, domMs, htmlKb, panP95, dragP95, panFitP95, fitZoom };
  console.log(`editor1000 ${JSON.stringify(result)}`);
  if (process.env.EDITOR_PERF_OUT) writeFileSync(process.env.EDITOR_PERF_OUT, JSON.stringify(result));
});
