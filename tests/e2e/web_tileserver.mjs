// A real tile server: tileserver-gl-light (installed in the build's js directory) serves one day's MBTiles and
// PMTiles on 127.0.0.1 at a free port; this fetches each source's TileJSON and tiles and compares them with the
// tiler output: TileJSON fields against tiles/<date>.json, tile bytes (gunzipped) against tiles/<date>/{z}/{x}/{y}.mvt.
// Every wait is bounded; the server is killed at the end.
//   node web_tileserver.mjs <out dir> <date>
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const [out, date] = process.argv.slice(2);
if (!out || !date) { console.error("usage: web_tileserver.mjs <out dir> <date>"); process.exit(2); }
const here = dirname(fileURLToPath(import.meta.url));
const server = join(here, "node_modules/tileserver-gl-light/src/main.js");
const tiles = resolve(out, "tiles");
const startTimeoutMs = 60000;
const fetchTimeoutMs = 15000;

let failures = 0, checks = 0;
function check(cond, what) { checks++; if (!cond) { failures++; console.error("FAIL: " + what); } }

function freePort() {
  return new Promise((ok, ko) => {
    const s = createServer();
    s.once("error", ko);
    s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => ok(p)); });
  });
}

async function get(url) {
  return fetch(url, { signal: AbortSignal.timeout(fetchTimeoutMs) });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Tiles to fetch: the TileJSON center tile at a few zooms, plus a z0 tile.
function tileAt(lon, lat, z) {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return [z, x, y];
}

const work = mkdtempSync(join(tmpdir(), "tiler-tileserver-"));
const ourTileJson = JSON.parse(readFileSync(join(tiles, `${date}.json`), "utf8"));
const config = {
  options: { paths: { root: work, mbtiles: tiles, pmtiles: tiles } },
  styles: {},
  data: { mb: { mbtiles: `${date}.mbtiles` }, pm: { pmtiles: `${date}.pmtiles` } },
};
writeFileSync(join(work, "config.json"), JSON.stringify(config, null, 2));

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
let log = "";
const child = spawn(process.execPath, [server, "--config", join(work, "config.json"), "--bind", "127.0.0.1",
                                       "--port", String(port)], { cwd: work, stdio: ["ignore", "pipe", "pipe"] });
child.stdout.on("data", (d) => { log += d; });
child.stderr.on("data", (d) => { log += d; });
let exited = null;
child.on("exit", (code, signal) => { exited = signal || code; });
const killer = setTimeout(() => { console.error("FAIL: overall timeout"); child.kill("SIGKILL"); process.exit(1); }, 150000);

try {
  const t0 = Date.now();
  let up = false;
  while (!up && exited === null && Date.now() - t0 < startTimeoutMs) {
    try { up = (await get(`${base}/health`)).ok; } catch { await sleep(250); }
  }
  if (!up) throw new Error(`tileserver-gl-light did not start within ${startTimeoutMs / 1000} s (exit ${exited}):\n${log}`);
  console.log(`tileserver-gl-light up on ${base} after ${Date.now() - t0} ms`);

  const [lon, lat] = ourTileJson.center;
  const wanted = [[0, 0, 0], ...[4, 6, 8, 10, 12].map((z) => tileAt(lon, lat, z))];
  for (const id of ["mb", "pm"]) {
    const r = await get(`${base}/data/${id}.json`);
    check(r.ok, `${id}.json: HTTP ${r.status}`);
    const tj = await r.json();
    check(tj.minzoom === ourTileJson.minzoom && tj.maxzoom === ourTileJson.maxzoom,
          `${id}.json: zoom ${tj.minzoom}..${tj.maxzoom}, ours ${ourTileJson.minzoom}..${ourTileJson.maxzoom}`);
    check(tj.format === "pbf", `${id}.json: format ${tj.format}`);
    check(tj.attribution === ourTileJson.attribution, `${id}.json: attribution '${tj.attribution}'`);
    const layers = (tj.vector_layers || []).map((l) => l.id).sort().join(",");
    const ours = ourTileJson.vector_layers.map((l) => l.id).sort().join(",");
    check(layers === ours, `${id}.json: vector_layers ${layers}, ours ${ours}`);
    check(tj.bounds && tj.bounds.every((v, i) => Math.abs(v - ourTileJson.bounds[i]) < 1e-6),
          `${id}.json: bounds ${tj.bounds}, ours ${ourTileJson.bounds}`);
    check(Array.isArray(tj.tiles) && tj.tiles[0].includes(`/data/${id}/{z}/{x}/{y}.pbf`), `${id}.json: tiles ${tj.tiles}`);
    for (const [z, x, y] of wanted) {
      const file = join(tiles, date, String(z), String(x), `${y}.mvt`);
      const res = await get(`${base}/data/${id}/${z}/${x}/${y}.pbf`);
      if (!existsSync(file)) { check(res.status === 204 || res.status === 404, `${id} ${z}/${x}/${y}: no tile, HTTP ${res.status}`); continue; }
      check(res.ok, `${id} ${z}/${x}/${y}: HTTP ${res.status}`);
      let body = Buffer.from(await res.arrayBuffer());   // fetch undoes Content-Encoding: gzip
      if (body[0] === 0x1f && body[1] === 0x8b) body = gunzipSync(body);
      const expected = readFileSync(file);
      check(body.equals(expected), `${id} ${z}/${x}/${y}: ${body.length} bytes differ from ${file} (${expected.length} bytes)`);
      console.log(`${id} ${z}/${x}/${y}: ${body.length} bytes, ${body.equals(expected) ? "identical" : "DIFFERENT"}`);
    }
  }
} catch (e) {
  failures++;
  console.error("FAIL: " + e.message);
} finally {
  clearTimeout(killer);
  child.kill("SIGTERM");
  const t = Date.now();
  while (exited === null && Date.now() - t < 5000) await sleep(100);
  if (exited === null) child.kill("SIGKILL");
  rmSync(work, { recursive: true, force: true });
}
console.log(`${checks - Math.min(failures, checks)} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
