// Builds the browser companion (companion/): its TypeScript compiled into dist/companion/ with the manifest,
// pages, style and icons (drawn here: a few PNGs, no image files in the repository), then packed as
// dist/linkpace-companion.zip, the same files at the archive's root. Run by `npm run build` (and so by npm ci).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { crc32, deflateSync } from "node:zlib";
import { zipSync } from "fflate";

const SOURCE = "companion";
const OUT = join("dist", "companion");
const ZIP = join("dist", "linkpace-companion.zip");
const STATIC = ["manifest.json", "panel.html", "options.html", "style.css"];
const ICON_SIZES = [16, 32, 48, 128];

rmSync(OUT, { recursive: true, force: true });
execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", join(SOURCE, "tsconfig.json")], { stdio: "inherit" });
for (const file of STATIC) copyFileSync(join(SOURCE, file), join(OUT, file));
mkdirSync(join(OUT, "icons"), { recursive: true });
for (const size of ICON_SIZES) writeFileSync(join(OUT, "icons", `${size}.png`), icon(size));

const files = {};
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files[relative(OUT, path).split("\\").join("/")] = [readFileSync(path), { mtime: new Date("2020-01-01T00:00:00Z") }];
  }
};
walk(OUT);
writeFileSync(ZIP, zipSync(files, { level: 9 }));

/** The icon: a blue rounded square with three white bars of rising height (a pace), as an RGBA PNG. */
function icon(size) {
  const px = Buffer.alloc(size * size * 4);
  const radius = size * 0.2;
  const inside = (x, y) => {
    const cx = Math.min(Math.max(x, radius), size - radius);
    const cy = Math.min(Math.max(y, radius), size - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
  const bars = [0.45, 0.65, 0.85].map((h, i) => ({
    x0: size * (0.2 + i * 0.22),
    x1: size * (0.34 + i * 0.22),
    y0: size * (0.9 - h * 0.8),
  }));
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const o = (y * size + x) * 4;
      if (!inside(x + 0.5, y + 0.5)) continue;
      const white = bars.some((b) => x + 0.5 >= b.x0 && x + 0.5 < b.x1 && y + 0.5 >= b.y0 && y + 0.5 < size * 0.82);
      px.set(white ? [255, 255, 255, 255] : [10, 102, 194, 255], o);
    }
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) px.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
