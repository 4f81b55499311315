/**
 * A zip held in memory, read by its central directory (the list at the end of the file that names every
 * entry with its compression method and sizes) before anything is inflated, and inflation that stops at the
 * size an entry declares. So an archive crafted to inflate to gigabytes from a few megabytes is refused by
 * what it declares (archive-files.ts sets the limits), and one that lies about its sizes is stopped as soon
 * as it inflates past them, never inflated to the end.
 *
 * Zip64 (archives or entries past 4 GB, or past 65,535 entries) is read as far as sizes and offsets go.
 * Throws a plain Error for a damaged archive; the caller names the file.
 */
import { Inflate } from "fflate";

export interface ZipEntry {
  /** The path inside the archive, `/`-separated. */
  name: string;
  /** 0: stored, 8: deflate, anything else: unreadable here. */
  method: number;
  compressedSize: number;
  /** The uncompressed size the archive declares. */
  size: number;
  /** Where the entry's local header starts. */
  localOffset: number;
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
const UTF8_NAMES = 0x0800;
/**
 * Deflate expands 1,032 times at most, so pushing what is left of the declared size divided by that (between
 * 1 and 64 KB of compressed bytes at a time) overshoots the declared size by 1 MB at most before it is seen.
 */
const MAX_RATIO = 1032;
const MIN_PUSH = 1024;
const MAX_PUSH = 64 * 1024;

/** How many entries the archive declares, read from its end record alone. */
export function zipEntryCount(zip: Uint8Array): number {
  return endRecord(zip).count;
}

/** Every entry of the central directory, in its order. Call zipEntryCount first to bound the work. */
export function zipDirectory(zip: Uint8Array): ZipEntry[] {
  const { count, offset } = endRecord(zip);
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (u32(zip, at) !== CENTRAL_HEADER) throw new Error(`entry ${i + 1} of ${count} of the central directory is missing`);
    const flags = u16(zip, at + 8);
    const nameLength = u16(zip, at + 28);
    const extraLength = u16(zip, at + 30);
    const rawName = slice(zip, at + 46, nameLength);
    const entry: ZipEntry = {
      name: Buffer.from(rawName).toString((flags & UTF8_NAMES) !== 0 ? "utf8" : "latin1"),
      method: u16(zip, at + 10),
      compressedSize: u32(zip, at + 20),
      size: u32(zip, at + 24),
      localOffset: u32(zip, at + 42),
    };
    readZip64Extra(entry, slice(zip, at + 46 + nameLength, extraLength));
    entries.push(entry);
    at += 46 + nameLength + extraLength + u16(zip, at + 32);
  }
  return entries;
}

/** The entry's bytes; throws when it inflates past its declared size or is damaged. */
export function inflateEntry(zip: Uint8Array, entry: ZipEntry): Uint8Array {
  if (u32(zip, entry.localOffset) !== LOCAL_HEADER) throw new Error(`${entry.name}: its local header is missing`);
  const start = entry.localOffset + 30 + u16(zip, entry.localOffset + 26) + u16(zip, entry.localOffset + 28);
  const data = slice(zip, start, entry.compressedSize);
  if (entry.method === 0) {
    if (data.length !== entry.size) throw new Error(`${entry.name}: stored with ${data.length} bytes but declares ${entry.size}`);
    return data;
  }
  const out = new Uint8Array(entry.size);
  let length = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    if (over || length + chunk.length > out.length) {
      over = true;
      return;
    }
    out.set(chunk, length);
    length += chunk.length;
  });
  for (let i = 0, last = false; !over && !last;) {
    const end = Math.min(data.length, i + Math.min(MAX_PUSH, Math.max(MIN_PUSH, Math.ceil((out.length - length) / MAX_RATIO))));
    last = end === data.length;
    inflater.push(data.subarray(i, end), last);
    i = end;
  }
  if (over) throw new Error(`${entry.name}: inflates to more than the ${entry.size} bytes it declares`);
  return out.subarray(0, length);
}

/** The end of central directory record (or its zip64 form): how many entries, and where the directory starts. */
function endRecord(zip: Uint8Array): { count: number; offset: number } {
  let at = zip.length - 22;
  const stop = Math.max(0, at - 0xffff);
  while (at >= stop && u32(zip, at) !== EOCD) at--;
  if (at < stop) throw new Error("no end of central directory record");
  let count = u16(zip, at + 10);
  let offset = u32(zip, at + 16);
  if ((count === 0xffff || offset === 0xffffffff) && at >= 20 && u32(zip, at - 20) === EOCD64_LOCATOR) {
    const end64 = u64(zip, at - 12);
    if (u32(zip, end64) !== EOCD64) throw new Error("the zip64 end of central directory record is missing");
    count = u64(zip, end64 + 32);
    offset = u64(zip, end64 + 48);
  }
  return { count, offset };
}

/** Sizes and offset too large for 32 bits are 0xFFFFFFFF in the header and 64-bit in the zip64 extra field, in this order. */
function readZip64Extra(entry: ZipEntry, extra: Uint8Array): void {
  for (let at = 0; at + 4 <= extra.length; at += 4 + u16(extra, at + 2)) {
    if (u16(extra, at) !== ZIP64_EXTRA) continue;
    let field = at + 4;
    for (const key of ["size", "compressedSize", "localOffset"] as const) {
      if (entry[key] !== 0xffffffff) continue;
      entry[key] = u64(extra, field);
      field += 8;
    }
    return;
  }
}

function slice(bytes: Uint8Array, at: number, length: number): Uint8Array {
  if (at + length > bytes.length) throw new Error("the archive ends before its last entry");
  return bytes.subarray(at, at + length);
}

function u16(bytes: Uint8Array, at: number): number {
  if (at + 2 > bytes.length) throw new Error("the archive ends early");
  return (bytes[at] as number) | ((bytes[at + 1] as number) << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  if (at < 0 || at + 4 > bytes.length) throw new Error("the archive ends early");
  return (
    ((bytes[at] as number) | ((bytes[at + 1] as number) << 8) | ((bytes[at + 2] as number) << 16)) + (bytes[at + 3] as number) * 0x1000000
  );
}

/** A 64-bit little-endian number; sizes past 2^53 are beyond anything readable anyway. */
function u64(bytes: Uint8Array, at: number): number {
  return u32(bytes, at) + u32(bytes, at + 4) * 0x100000000;
}
