// A real client: Debian's chromium, driven by playwright-core (never a downloaded browser), opens the tiler viewer
// (output/viewer/) from a static server on 127.0.0.1 (node http with Range support: pmtiles needs it). For two
// days, set with the viewer's date slider, the rendered colour at Aleppo and Hama is the colour the day's style
// gives the faction that holds the point in control.gpkg (read with ogrinfo): the faction fill at its opacity over
// the background, under the `changes` highlight where the point changed hands that day. Pixels are taken a few px
// away from any line, circle or label (queried from the map). The screenshots stay in <artifacts> on failure.
// With `norange` the static server ignores Range headers (like `python3 -m http.server`): the viewer must fall
// back to fetching whole archives.
//   node web_browser.mjs <out dir> <artifacts dir> [norange]
// Exit 77 (skipped) when TILER_SKIP_BROWSER=1; a missing chromium is a failure otherwise.
import { chromium } from "playwright-core";
import { PNG } from "pngjs";
import { execFileSync } from "node:child_process";
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";

const [outArg, artifactsArg, mode] = process.argv.slice(2);
const honourRange = mode !== "norange";
if (!outArg || !artifactsArg) { console.error("usage: web_browser.mjs <out dir> <artifacts dir>"); process.exit(2); }
if (process.env.TILER_SKIP_BROWSER === "1") { console.log("TILER_SKIP_BROWSER=1: browser test skipped"); process.exit(77); }
const out = resolve(outArg);
const artifacts = resolve(artifactsArg);
const chromiumPath = process.env.TILER_CHROMIUM || "/usr/bin/chromium";
if (!existsSync(chromiumPath)) {
  console.error(`FAIL: ${chromiumPath} not found (apt-get install chromium, or set TILER_SKIP_BROWSER=1)`);
  process.exit(1);
}
const days = ["2024-11-28", "2024-12-05"];
const points = [
  { name: "Aleppo", lat: 36.2021, lon: 37.1343 },
  { name: "Hama", lat: 35.134, lon: 36.758 },
];
const viewZoom = 10;
const tolerance = 6;   // per channel, 0..255 (rounding of the blend)
const waitMs = 60000;

let failures = 0, checks = 0, rangeRequests = 0;
function check(cond, what) { checks++; if (!cond) { failures++; console.error("FAIL: " + what); } }

// ---- static server with Range requests -------------------------------------------------------------------
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json",
                ".pmtiles": "application/octet-stream", ".pbf": "application/x-protobuf", ".txt": "text/plain" };
const server = createServer((req, res) => {
  if (req.headers.range) rangeRequests++;
  const url = new URL(req.url, "http://127.0.0.1");
  let rel = normalize(decodeURIComponent(url.pathname)).replace(/^\/+/, "");
  if (rel.startsWith("..")) { res.writeHead(403).end(); return; }
  let file = join(out, rel);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
  if (!existsSync(file)) { res.writeHead(404).end(); return; }
  const size = statSync(file).size;
  const headers = { "Content-Type": types[extname(file)] || "application/octet-stream", "Cache-Control": "no-store" };
  const range = honourRange ? /^bytes=(\d+)-(\d*)$/.exec(req.headers.range || "") : null;
  if (honourRange) headers["Accept-Ranges"] = "bytes";
  if (range) {
    const start = Number(range[1]);
    const end = Math.min(range[2] ? Number(range[2]) : size - 1, size - 1);
    if (start > end) { res.writeHead(416, { "Content-Range": `bytes */${size}` }).end(); return; }
    res.writeHead(206, { ...headers, "Content-Range": `bytes ${start}-${end}/${size}`, "Content-Length": end - start + 1 });
    createReadStream(file, { start, end }).pipe(res);
  } else {
    res.writeHead(200, { ...headers, "Content-Length": size });
    createReadStream(file).pipe(res);
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${server.address().port}`;

// ---- expectations from control.gpkg and the style --------------------------------------------------------
function sql(query) {
  return execFileSync("ogrinfo", ["-ro", "-q", join(out, "control.gpkg"), "-dialect", "SQLite", "-sql", query],
                      { encoding: "utf8", timeout: 30000 });
}
function holder(date, lon, lat) {
  const m = [...sql(`SELECT faction FROM control WHERE date = '${date}' AND ST_Intersects(geom, MakePoint(${lon}, ${lat}, 4326))`)
               .matchAll(/faction \(String\) = (\S+)/g)].map((x) => x[1]);
  return m.length === 1 ? m[0] : null;
}
function inChange(date, lon, lat) {
  const m = /n \(Integer\) = (\d+)/.exec(sql(`SELECT count(*) AS n FROM changes WHERE date = '${date}' AND ST_Intersects(geom, MakePoint(${lon}, ${lat}, 4326))`));
  return m && Number(m[1]) > 0;
}
const hex = (c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
const over = (top, alpha, bottom) => top.map((v, i) => v * alpha + bottom[i] * (1 - alpha));
function expectedColour(style, faction, changed) {
  const layer = (id) => style.layers.find((l) => l.id === id);
  const bg = hex(layer("background").paint["background-color"]);
  const fill = layer("control-fill").paint;
  const match = fill["fill-color"];   // ["match", ["get", "faction"], id, colour, ..., fallback]
  const at = match.indexOf(faction, 2);
  const colour = at >= 2 && at % 2 === 0 ? match[at + 1] : match[match.length - 1];
  let c = over(hex(colour), fill["fill-opacity"], bg);
  if (changed) {
    const ch = layer("changes-fill").paint;
    c = over(hex(ch["fill-color"]), ch["fill-opacity"], c);
  }
  return c.map(Math.round);
}

// ---- the browser -----------------------------------------------------------------------------------------
mkdirSync(artifacts, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), "tiler-chromium-"));
let context = null;
const shots = [];
const consoleLines = [];
const killer = setTimeout(() => { console.error("FAIL: overall timeout"); process.exit(1); }, 240000);
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1000, height: 800 },
    deviceScaleFactor: 1,
    timeout: waitMs,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--no-first-run", "--disable-quic", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
           "--ignore-gpu-blocklist"],
  });
  const page = context.pages()[0] || (await context.newPage());
  page.setDefaultTimeout(waitMs);
  page.on("console", (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  page.on("pageerror", (e) => consoleLines.push(`[pageerror] ${e.message}`));
  // Offline: only the static server may be reached.
  await context.route("**/*", (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));

  await page.goto(`${base}/viewer/`, { waitUntil: "load" });
  await page.waitForFunction(() => window.tilerViewer && document.getElementById("map").dataset.state === "idle");
  const legend = await page.$$eval("#legend li", (lis) => lis.map((li) => li.dataset.faction));
  const factions = JSON.parse(readFileSync(join(out, "tiles", `${days[0]}.style.json`), "utf8")).layers
    .find((l) => l.id === "control-fill").paint["fill-color"]
    .filter((v, i) => i >= 2 && i % 2 === 0 && typeof v === "string" && !v.startsWith("#"));
  check(legend.length > 0 && legend.join(",") === factions.join(","), `legend [${legend}] vs the style's factions [${factions}]`);
  const attribution = await page.textContent(".maplibregl-ctrl-attrib");
  check(/OCHA/.test(attribution || ""), `attribution control: '${attribution}'`);

  for (const date of days) {
    const style = JSON.parse(readFileSync(join(out, "tiles", `${date}.style.json`), "utf8"));
    // The viewer's own control: move the slider to the day.
    const index = await page.evaluate((d) => window.tilerViewer.config.days.indexOf(d), date);
    check(index >= 0, `${date} is not on the slider`);
    await page.$eval("#day", (el, i) => { el.value = String(i); el.dispatchEvent(new Event("input", { bubbles: true })); }, index);
    await page.waitForFunction((d) => { const m = document.getElementById("map");
                                        return m.dataset.date === d && m.dataset.state === "idle"; }, date);
    check((await page.textContent("#date")) === date, `the date label does not show ${date}`);
    for (const p of points) {
      // Centre on the point, wait until rendered, then find a pixel near it with no line, circle or label within 6 px.
      const found = await page.evaluate(async ({ lon, lat, z, timeout }) => {
        const map = window.tilerViewer.map;
        await new Promise((ok, ko) => { const t = setTimeout(() => ko(new Error("no idle")), timeout);
                                        map.once("idle", () => { clearTimeout(t); ok(); }); map.jumpTo({ center: [lon, lat], zoom: z }); });
        const c = map.project([lon, lat]);
        const plain = (x, y) => map.queryRenderedFeatures([[x - 6, y - 6], [x + 6, y + 6]])
          .every((f) => f.layer.id === "control-fill" || f.layer.id === "changes-fill");
        for (let r = 0; r <= 60; r += 3)
          for (let a = 0; a < 16; a++) {
            const x = Math.round(c.x + r * Math.cos((a * Math.PI) / 8)), y = Math.round(c.y + r * Math.sin((a * Math.PI) / 8));
            if (plain(x, y)) { const ll = map.unproject([x, y]); return { x, y, lon: ll.lng, lat: ll.lat }; }
            if (r === 0) break;
          }
        return null;
      }, { lon: p.lon, lat: p.lat, z: viewZoom, timeout: waitMs });
      const label = `${p.name} on ${date}`;
      if (!found) { check(false, `${label}: no pixel free of lines and labels within 60 px`); continue; }
      const file = join(artifacts, `${date}-${p.name}${honourRange ? "" : "-norange"}.png`);
      const png = PNG.sync.read(await page.screenshot({ path: file }));
      shots.push(file);
      const o = (png.width * found.y + found.x) * 4;
      const got = [png.data[o], png.data[o + 1], png.data[o + 2]];
      const faction = holder(date, found.lon, found.lat);
      check(faction !== null, `${label}: no single faction holds ${found.lon},${found.lat} in control.gpkg`);
      const changed = inChange(date, found.lon, found.lat);
      const want = expectedColour(style, faction, changed);
      const ok = got.every((v, i) => Math.abs(v - want[i]) <= tolerance);
      check(ok, `${label}: pixel (${found.x},${found.y}) = ${found.lon.toFixed(4)}E ${found.lat.toFixed(4)}N is rgb(${got}), ` +
                `expected rgb(${want}) (${faction}${changed ? ", changed that day" : ""}); screenshot ${file}`);
      console.log(`${label}: pixel (${found.x},${found.y}) rgb(${got}) ~ rgb(${want}) = ${faction}${changed ? " + changes highlight" : ""}` +
                  (ok ? "" : "  MISMATCH"));
    }
  }
  check(rangeRequests > 0, "the viewer made no range request");
  console.log(`${rangeRequests} range requests (${honourRange ? "answered with 206" : "ignored by the server"})`);
} catch (e) {
  failures++;
  console.error("FAIL: " + (e && e.stack ? e.stack : e));
  if (context) {
    try { const f = join(artifacts, "failure.png"); await context.pages()[0].screenshot({ path: f }); console.error("screenshot: " + f); }
    catch { /* the page is gone */ }
  }
} finally {
  clearTimeout(killer);
  if (context) await context.close().catch(() => {});
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
if (failures === 0) for (const f of shots) rmSync(f, { force: true });
else {
  writeFileSync(join(artifacts, "console.log"), consoleLines.join("\n") + "\n");
  console.error(`screenshots and the browser console are kept in ${artifacts}`);
}
console.log(`${checks - Math.min(failures, checks)} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
