import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';

/** The generated schema modules of the AWS SDK clients (one per client, `schemas_0.js`). */
const SCHEMA_FILE = /[\\/]@aws-sdk[\\/]client-[^\\/]+[\\/]dist-es[\\/]schemas[\\/]schemas_\d+\.js$/;
const STRING_CONSTANT = /^const (_\w+) = ("[^"\\\n]*");$/gm;
const COMPUTED_KEY = /\[(_\w+)\]:/g;

/**
 * Rewrites the computed keys of an AWS SDK schema module (`{ [_xN]: _m }`, where `_xN` is one
 * of the module's string constants) into the literal keys they stand for (`{ "xmlName": _m }`).
 *
 * Why: esbuild keeps any top-level statement whose object literal has a computed key (the key's
 * conversion to a string might have side effects), so every shape of a service that carries a
 * member trait stays in the bundle, with the shapes it points to: 550 KB of EC2 schemas where the
 * auditor needs a handful of operations. With literal keys the unused shapes are tree-shaken.
 * The objects are the same: only keys whose constant is a plain string literal are replaced.
 */
export function rewriteSchemaKeys(source: string): string {
  const constants = new Map<string, string>();
  for (const [, name, literal] of source.matchAll(STRING_CONSTANT)) {
    if (name !== undefined && literal !== undefined) constants.set(name, literal);
  }
  return source.replace(COMPUTED_KEY, (whole, name: string) => {
    const literal = constants.get(name);
    return literal === undefined ? whole : `${literal}:`;
  });
}

/** The esbuild plugin applying {@link rewriteSchemaKeys} to the AWS SDK's schema modules. */
export const schemaKeysPlugin: Plugin = {
  name: 'aws-sdk-schema-keys',
  setup(build) {
    build.onLoad({ filter: SCHEMA_FILE }, async (args) => ({
      contents: rewriteSchemaKeys(await readFile(args.path, 'utf8')),
      loader: 'js',
    }));
  },
};
