const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;
/** Inside a string: where it may end (or a backslash escapes the next character). */
const STRING_STOP = /["\\]/g;
/** Outside strings: the characters that start a string, nest, or end an item. */
const STRUCTURE = /["{}[\],]/g;

/**
 * The items of a JSON array read in pieces (a large `findings.json`): each top-level item's text
 * is cut out by following strings and nesting, and parsed alone, so the array is never whole in
 * memory. Anything that is not one JSON array throws an error naming `where`.
 */
export async function* jsonArrayItems(
  chunks: AsyncIterable<string>,
  where: string,
): AsyncGenerator<unknown> {
  let state = 'start' as 'start' | 'items' | 'end';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let count = 0;
  let parts: string[] = [];

  const parse = (text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new Error(`${where} is not JSON: item ${count}: ${(error as Error).message}`);
    }
  };

  for await (const chunk of chunks) {
    let start = 0;
    const items: unknown[] = [];
    let i = 0;
    while (i < chunk.length) {
      if (state !== 'items') {
        const c = chunk.charCodeAt(i);
        i += 1;
        if (isSpace(c)) continue;
        if (state === 'start' && c === OPEN_BRACKET) {
          state = 'items';
          start = i;
          continue;
        }
        throw new Error(
          `${where} is not JSON: ${state === 'start' ? 'it is not an array' : 'text after the array'}`,
        );
      }
      if (inString) {
        if (escaped) {
          escaped = false;
          i += 1;
          continue;
        }
        // Jump to the string's next quote or backslash: the scan runs at the regex engine's
        // speed through the text that makes up most of a findings file.
        STRING_STOP.lastIndex = i;
        const stop = STRING_STOP.exec(chunk);
        if (!stop) break;
        i = stop.index + 1;
        if (chunk.charCodeAt(stop.index) === BACKSLASH) escaped = true;
        else inString = false;
        continue;
      }
      STRUCTURE.lastIndex = i;
      const next = STRUCTURE.exec(chunk);
      if (!next) break;
      i = next.index + 1;
      const c = chunk.charCodeAt(next.index);
      if (c === QUOTE) inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth += 1;
      else if (depth > 0 && (c === CLOSE_BRACE || c === CLOSE_BRACKET)) depth -= 1;
      else if (depth === 0 && (c === COMMA || c === CLOSE_BRACKET)) {
        parts.push(chunk.slice(start, next.index));
        const text = parts.join('').trim();
        parts = [];
        start = i;
        if (text !== '') {
          items.push(parse(text));
          count += 1;
        } else if (c === COMMA || count > 0) {
          throw new Error(`${where} is not JSON: item ${count} is empty`);
        }
        if (c === CLOSE_BRACKET) state = 'end';
      }
    }
    if (state === 'items') parts.push(chunk.slice(start));
    yield* items;
  }
  if (state !== 'end') {
    throw new Error(
      `${where} is not JSON: ${state === 'start' ? 'it is empty' : 'the array is not closed'}`,
    );
  }
}
