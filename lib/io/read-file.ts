// The one way lib/io and the commands read an input file: only a regular file. A FIFO, a device or a
// directory given as a model, kengetallen or JSON path would block or fail obscurely; it is refused
// with a plain reason (the caller adds the file and what it was for).
import {closeSync, openSync, readFileSync, readSync, statSync} from "node:fs";

/** The text of a regular file; throws an Error saying what the path is instead (or why it cannot be read). */
export function readTextFile(path: string): string {
  const s = statSync(path);
  if (!s.isFile()) {
    const kind = s.isFIFO() ? "a FIFO (named pipe)" : s.isDirectory() ? "a directory" : s.isCharacterDevice() || s.isBlockDevice() ? "a device" : s.isSocket() ? "a socket" : "not a file";
    throw new Error(`not a regular file: it is ${kind}; only regular files are read`);
  }
  return readFileSync(path, "utf8");
}

/** Does the path name a Parquet file: by its extension, or by the magic bytes "PAR1" it starts with? */
export function isParquetFile(path: string): boolean {
  if (/\.parquet$/i.test(path)) return true;
  let fd: number | undefined;
  try {
    if (!statSync(path).isFile()) return false;
    fd = openSync(path, "r");
    const head = Buffer.alloc(4);
    return readSync(fd, head, 0, 4, 0) === 4 && head.toString("latin1") === "PAR1";
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
