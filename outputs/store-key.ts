/**
 * Rejects keys that would escape a store's root or that S3 and a file system read differently
 * (absolute paths, `..`/`.` segments, empty segments, backslashes, control characters).
 */
export function checkKey(key: string): string {
  const segments = key.split('/');
  const bad =
    key.length === 0 ||
    key.length > 1024 ||
    key.includes('\\') ||
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it rejects
    /[\u0000-\u001f]/.test(key) ||
    segments.some((s) => s === '' || s === '.' || s === '..');
  if (bad)
    throw new Error(`Invalid object key ${JSON.stringify(key)}: use relative a/b/c.json keys`);
  return key;
}
