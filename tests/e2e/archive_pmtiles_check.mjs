// Reads a PMTiles archive with the `pmtiles` npm package (an independent reader) and compares it with the
// {z}/{x}/{y}.<ext> tree written from the same tileset: header counts (like `pmtiles verify`), every
// directory entry (root and leaves, decoded by the package), every tile's bytes, and tiles that must be absent.
//   node archive_pmtiles_check.mjs <file.pmtiles> <tree-dir> <mvt|png> [--expect-leaves]
import { PMTiles, Compression, TileType, zxyToTileId } from "pmtiles";
import { createHash } from "node:crypto";
import { openSync, readSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const [file, tree, kind, flag] = process.argv.slice(2);
if (!file || !tree || !["mvt", "png"].includes(kind)) {
  console.error("usage: archive_pmtiles_check.mjs <file.pmtiles> <tree-dir> <mvt|png> [--expect-leaves]");
  process.exit(2);
}

class NodeFileSource {
  constructor(path) { this.path = path; this.fd = openSync(path, "r"); }
  getKey() { return this.path; }
  async getBytes(offset, length) {
    const buf = Buffer.alloc(length);
    const n = readSync(this.fd, buf, 0, length, offset);
    return { data: buf.buffer.slice(buf.byteOffset, buf.byteOffset + n) };
  }
}

let failures = 0;
let checks = 0;
function check(cond, what) {
  checks++;
  if (!cond) { failures++; console.error("FAIL: " + what); }
}

// The tree: z/x/y.ext -> bytes (no @2x files).
const tiles = new Map();
for (const z of readdirSync(tree)) {
  for (const x of readdirSync(join(tree, z))) {
    for (const f of readdirSync(join(tree, z, x))) {
      const m = f.match(/^(\d+)\.(mvt|png)$/);
      if (!m || m[2] !== kind) continue;
      tiles.set(`${z}/${x}/${m[1]}`, readFileSync(join(tree, z, x, f)));
    }
  }
}
check(tiles.size > 0, `tree ${tree} has tiles`);
const distinct = new Set([...tiles.values()].map((b) => createHash("sha256").update(b).digest("hex")));
const zooms = [...tiles.keys()].map((k) => Number(k.split("/")[0]));

const source = new NodeFileSource(file);
const p = new PMTiles(source);
const h = await p.getHeader();
check(h.specVersion === 3, `spec version 3 (got ${h.specVersion})`);
check(h.tileType === (kind === "mvt" ? TileType.Mvt : TileType.Png), `tile type (got ${h.tileType})`);
check(h.tileCompression === (kind === "mvt" ? Compression.Gzip : Compression.None),
      `tile compression (got ${h.tileCompression})`);
check(h.internalCompression === Compression.Gzip, "internal compression gzip");
check(h.clustered === true, "clustered");
check(h.rootDirectoryOffset + h.rootDirectoryLength <= 16384, "root directory within the first 16 KiB");
check(h.numAddressedTiles === tiles.size, `addressed tiles ${h.numAddressedTiles} == ${tiles.size} files`);
check(h.numTileContents === distinct.size, `tile contents ${h.numTileContents} == ${distinct.size} distinct files`);
check(h.numTileEntries >= h.numTileContents && h.numTileEntries <= h.numAddressedTiles,
      `tile entries ${h.numTileEntries} between contents and addressed`);
check(h.minZoom === Math.min(...zooms) && h.maxZoom === Math.max(...zooms), "min/max zoom match the tree");
check(h.minLon < h.maxLon && h.minLat < h.maxLat, "bounds");
check(h.centerLon >= h.minLon && h.centerLon <= h.maxLon && h.centerLat >= h.minLat && h.centerLat <= h.maxLat,
      "center inside bounds");

const meta = await p.getMetadata();
check(typeof meta.name === "string" && meta.name.length > 0, "metadata name");
check(typeof meta.attribution === "string", "metadata attribution");
if (kind === "mvt") check(Array.isArray(meta.vector_layers) && meta.vector_layers.length > 0, "vector_layers");

// Walk every directory with the package's own decoder (what `pmtiles verify` does).
let addressed = 0, entries = 0, leaves = 0, lastId = -1, dataEnd = 0;
const offsets = new Set();
async function walk(offset, length, depth) {
  check(depth < 4, "directory depth");
  const dir = await p.cache.getDirectory(source, offset, length, h);
  check(dir.length > 0, "directory not empty");
  for (const e of dir) {
    check(e.tileId > lastId || e.runLength === 0, `tile ids ascending at ${e.tileId}`);
    check(e.length > 0, `entry ${e.tileId} has length`);
    if (e.runLength === 0) {
      leaves++;
      await walk(h.leafDirectoryOffset + e.offset, e.length, depth + 1);
      continue;
    }
    lastId = e.tileId + e.runLength - 1;
    addressed += e.runLength;
    entries++;
    offsets.add(e.offset);
    // clustered: data either continues where it ended or points back to a tile already written
    if (e.offset === dataEnd) dataEnd += e.length;
    else check(e.offset < dataEnd, `clustered order at tile id ${e.tileId}`);
  }
}
await walk(h.rootDirectoryOffset, h.rootDirectoryLength, 0);
check(addressed === h.numAddressedTiles, `sum of run lengths ${addressed} == addressed`);
check(entries === h.numTileEntries, `entries ${entries} == header`);
check(offsets.size === h.numTileContents, `distinct offsets ${offsets.size} == contents`);
check(dataEnd === h.tileDataLength, "tile data fully used");
if (flag === "--expect-leaves") check(leaves > 1, `leaf directories (got ${leaves})`);

// Every tile's bytes (decompressed by the package) equal the tree's file.
for (const [key, bytes] of tiles) {
  const [z, x, y] = key.split("/").map(Number);
  const t = await p.getZxy(z, x, y);
  check(t !== undefined, `tile ${key} present`);
  if (t) check(Buffer.compare(Buffer.from(t.data), bytes) === 0, `tile ${key} bytes`);
}
// Tiles not in the tree are absent.
let absent = 0;
for (let z = h.minZoom; z <= h.maxZoom && absent < 50; z++) {
  for (const [x, y] of [[0, 0], [(1 << z) - 1, (1 << z) - 1], [0, (1 << z) - 1]]) {
    if (tiles.has(`${z}/${x}/${y}`)) continue;
    absent++;
    check((await p.getZxy(z, x, y)) === undefined, `tile ${z}/${x}/${y} absent`);
  }
}
check(zxyToTileId(1, 1, 0) === 4, "package tile id convention");

console.log(`${file}: ${tiles.size} tiles, ${h.numTileEntries} entries, ${h.numTileContents} contents, ` +
            `${leaves} leaf directories`);
console.log(`${checks - failures} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
