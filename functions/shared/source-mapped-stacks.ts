import { readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Stack traces of the bundled functions in terms of their TypeScript sources, resolved only when
 * an error's stack is formatted (the first read of `error.stack`, e.g. by the logger). Node's
 * `--enable-source-maps` reads and parses every bundle's map when the bundle loads, which costs
 * tens of milliseconds of every cold start; here a bundle's map (`<file>.map`, beside it, as
 * `sourcemap: 'linked'` writes it) is read the first time one of its frames is formatted.
 * A frame whose file has no map, or an unreadable one, stays as V8 writes it.
 */

/** What `SourceMap.findEntry` returns for a mapped position (`name` where the map has one). */
interface MapEntry {
  generatedLine: number;
  generatedColumn: number;
  originalSource?: string;
  name?: string;
}

interface BundleMap {
  /** The bundle file (its text is read only to name a frame's function, see linesOf). */
  path: string;
  lines?: string[] | null;
  map: SourceMap;
  /** The map's folder and its `sourceRoot`: its `sources` are relative to both. */
  base: string;
}

/** Per file name of a frame: its bundle's map, or null when it has none that can be read. */
const maps = new Map<string, BundleMap | null>();

/** Only JavaScript files on disk can have a map beside them (not `node:` or eval frames). */
const SCRIPT = /\.[cm]?js$/;

function mapOf(fileName: string): BundleMap | null {
  const cached = maps.get(fileName);
  if (cached !== undefined) return cached;
  let found: BundleMap | null = null;
  try {
    const path = fileName.startsWith('file://') ? fileURLToPath(fileName) : fileName;
    if (isAbsolute(path) && SCRIPT.test(path)) {
      const payload = JSON.parse(readFileSync(`${path}.map`, 'utf8')) as Partial<SourceMapPayload>;
      if (typeof payload.mappings === 'string' && Array.isArray(payload.sources)) {
        const root = typeof payload.sourceRoot === 'string' ? payload.sourceRoot : '';
        found = {
          path,
          map: new SourceMap(payload as SourceMapPayload),
          base: resolve(dirname(path), root),
        };
      }
    }
  } catch {
    // No map, an unreadable one or one that does not parse: the file's frames stay unmapped.
  }
  maps.set(fileName, found);
  return found;
}

/** A bundle's lines, read the first time a frame of it needs a name (null: unreadable). */
function linesOf(bundle: BundleMap): string[] | null {
  if (bundle.lines === undefined) {
    try {
      bundle.lines = readFileSync(bundle.path, 'utf8').split('\n');
    } catch {
      bundle.lines = null;
    }
  }
  return bundle.lines;
}

const IDENTIFIER_CHAR = /[\w$]/;

/**
 * The original name that the map keeps for an identifier of the bundle: `text` (e.g. `e=`) starts
 * at the 0-based line and column, the identifier `offset` characters into it. Only where the
 * bundle really has `text` there, so that a neighbouring renamed symbol is never taken for it.
 */
function renamedAt(
  bundle: BundleMap,
  line: number,
  column: number,
  text: string,
  offset: number,
): string | undefined {
  const code = linesOf(bundle)?.[line];
  if (code === undefined || column < 0 || !code.startsWith(text, column)) return undefined;
  // Whole identifiers only: `e=` is not the end of `le=`, `new e` not the start of `new ee`.
  if (IDENTIFIER_CHAR.test(code[column - 1] ?? '')) return undefined;
  const after = code[column + text.length] ?? '';
  if (IDENTIFIER_CHAR.test(text.at(-1) ?? '') && IDENTIFIER_CHAR.test(after)) return undefined;
  const entry = bundle.map.findEntry(line, column + offset) as MapEntry;
  return entry.generatedLine === line && entry.generatedColumn === column + offset
    ? entry.name
    : undefined;
}

/** Keywords that can stand between a function's start and its name (`async function e(`). */
const DECLARATION_PREFIXES = ['function ', 'function* ', 'async function ', 'async function* '];

/**
 * The function's name in the sources, where the minifier renamed it and the map keeps the old
 * name: at its declaration (`function e(`, or the binding `e=` of a function expression or
 * arrow), found from where V8 says the function starts; else at the call in the caller's frame
 * (`e(`, `new e`) when the caller is in the same file.
 */
function originalName(
  bundle: BundleMap,
  site: NodeJS.CallSite,
  caller: NodeJS.CallSite | undefined,
): string | undefined {
  const name = site.getFunctionName();
  // V8 names a function from its declaration or the binding it was assigned to; a dotted or
  // computed name is not one identifier that the minifier could have renamed.
  if (name === null || !/^[\w$]+$/.test(name)) return undefined;
  const line = site.getEnclosingLineNumber();
  const start = site.getEnclosingColumnNumber();
  if (line !== null && start !== null) {
    for (const prefix of DECLARATION_PREFIXES) {
      const found = renamedAt(bundle, line - 1, start - 1, `${prefix}${name}`, prefix.length);
      if (found !== undefined) return found;
    }
    const bound = renamedAt(bundle, line - 1, start - 2 - name.length, `${name}=`, 0);
    if (bound !== undefined) return bound;
  }
  const callerLine = caller?.getLineNumber() ?? null;
  const callerColumn = caller?.getColumnNumber() ?? null;
  if (caller?.getFileName() !== site.getFileName() || callerLine === null || callerColumn === null)
    return undefined;
  return site.isConstructor()
    ? renamedAt(bundle, callerLine - 1, callerColumn - 1, `new ${name}`, 4)
    : renamedAt(bundle, callerLine - 1, callerColumn - 1, name, 0);
}

/** One frame as V8 writes it, with the original file, line, column and name where mapped. */
function formatFrame(site: NodeJS.CallSite, caller: NodeJS.CallSite | undefined): string {
  const v8Text = String(site);
  const file = site.getFileName();
  const line = site.getLineNumber();
  const column = site.getColumnNumber();
  if (file === null || file === undefined || line === null || column === null) return v8Text;
  const bundle = mapOf(file);
  if (bundle === null) return v8Text;
  // A position past the map's last entry on that line would be extrapolated from another line.
  const entry = bundle.map.findEntry(line - 1, column - 1) as MapEntry;
  if (entry.generatedLine !== line - 1 || typeof entry.originalSource !== 'string') return v8Text;
  const origin = bundle.map.findOrigin(line, column);
  if (!('lineNumber' in origin) || origin.lineNumber < 1 || origin.columnNumber < 1) return v8Text;
  const source = origin.fileName.startsWith('file://')
    ? fileURLToPath(origin.fileName)
    : resolve(bundle.base, origin.fileName);
  const location = `${source}:${origin.lineNumber}:${origin.columnNumber}`;
  const generated = `${file}:${line}:${column}`;
  const name = originalName(bundle, site, caller);
  if (name !== undefined) {
    const prefix = `${site.isAsync() ? 'async ' : ''}${site.isConstructor() ? 'new ' : ''}`;
    return `${prefix}${name} (${location})`;
  }
  if (v8Text.endsWith(`(${generated})`))
    return `${v8Text.slice(0, -generated.length - 1)}${location})`;
  if (v8Text.endsWith(generated)) return `${v8Text.slice(0, -generated.length)}${location}`;
  return v8Text;
}

/** Node's own `Error.prepareStackTrace` (present since Node 22 and late 20.x), if any. */
let nodeFormat: ((error: Error, sites: NodeJS.CallSite[]) => unknown) | undefined;
let formattingHeading = false;

/**
 * The first line(s) of a stack, as Node writes them (`Name: message`, or `Name [CODE]: message`
 * for Node's own errors): Node's formatting of the error without frames.
 */
function heading(error: unknown): string {
  try {
    // Should the saved function hand back to Error.prepareStackTrace, it must not loop.
    if (nodeFormat !== undefined && !formattingHeading) {
      formattingHeading = true;
      try {
        const text = nodeFormat(error as Error, []);
        if (typeof text === 'string') return text;
      } finally {
        formattingHeading = false;
      }
    }
    return Error.prototype.toString.call(error);
  } catch {
    return 'Error';
  }
}

/**
 * An `Error.prepareStackTrace`: V8's layout (`Name: message` then `    at fn (file:line:col)`
 * per frame), each frame of a bundle with a map given its original place and name. It never
 * throws: a frame that cannot be mapped keeps V8's text.
 */
export function sourceMappedStackTrace(error: unknown, sites: NodeJS.CallSite[]): string {
  const frames = sites.map((site, i) => {
    try {
      return formatFrame(site, sites[i + 1]);
    } catch {
      return String(site);
    }
  });
  return [heading(error), ...frames].join('\n    at ');
}

/** Makes every stack formatted from now on source-mapped (nothing is read until then). */
export function installSourceMappedStacks(): void {
  if (Error.prepareStackTrace === sourceMappedStackTrace) return;
  nodeFormat = Error.prepareStackTrace;
  Error.prepareStackTrace = sourceMappedStackTrace;
}
