import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the report keeps its rendered result entries until every result has been seen and they
 * can be written in the report's order: in memory for small reports, in a file for a run's.
 */
export interface TextSpool {
  /** Keeps `text`; the answer reads it back. */
  append(text: string): SpoolRef;
  read(ref: SpoolRef): string;
  /** Frees what it holds (the file for a file spool). */
  dispose(): void;
}

export interface SpoolRef {
  at: number;
  length: number;
}

export function memorySpool(): TextSpool {
  let texts: string[] = [];
  return {
    append(text) {
      texts.push(text);
      return { at: texts.length - 1, length: text.length };
    },
    read: (ref) => texts[ref.at] ?? '',
    dispose() {
      texts = [];
    },
  };
}

/** Writes are collected up to this many bytes before they go to the file. */
const FLUSH_BYTES = 1 << 20;

/** A spool in a new temporary folder under `dir` (the OS temp dir, /tmp in Lambda). */
export function fileSpool(dir: string): TextSpool {
  const folder = mkdtempSync(join(dir, 'mk8s-spool-'));
  const fd = openSync(join(folder, 'spool'), 'w+');
  let written = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let scratch = Buffer.alloc(64 * 1024);
  const flush = () => {
    if (pendingBytes === 0) return;
    const body = Buffer.concat(pending, pendingBytes);
    let done = 0;
    while (done < body.length)
      done += writeSync(fd, body, done, body.length - done, written + done);
    written += body.length;
    pending = [];
    pendingBytes = 0;
  };
  return {
    append(text) {
      const body = Buffer.from(text, 'utf8');
      const ref = { at: written + pendingBytes, length: body.length };
      pending.push(body);
      pendingBytes += body.length;
      if (pendingBytes >= FLUSH_BYTES) flush();
      return ref;
    },
    read(ref) {
      flush();
      // One buffer for every read (entries are read one at a time and decoded at once).
      if (scratch.length < ref.length)
        scratch = Buffer.alloc(Math.max(ref.length, 2 * scratch.length));
      const body = scratch;
      let done = 0;
      while (done < ref.length) {
        const n = readSync(fd, body, done, ref.length - done, ref.at + done);
        if (n === 0) throw new Error(`the report spool ends before byte ${ref.at + ref.length}`);
        done += n;
      }
      return body.toString('utf8', 0, ref.length);
    },
    dispose() {
      pending = [];
      scratch = Buffer.alloc(0);
      closeSync(fd);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
