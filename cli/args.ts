import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './command';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * `parseArgs` in strict mode with `--help` added; unknown flags and missing values become a
 * UsageError with Node's own first sentence (`Unknown option '--x'`).
 */
export function parseCommandArgs<O extends Options>(
  argv: string[],
  options: O,
  allowPositionals = false,
) {
  try {
    return parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals,
    });
  } catch (error) {
    if (error instanceof TypeError && 'code' in error) {
      const first = error.message.split(/\.(\s|$)/)[0] ?? error.message;
      // An unknown flag: name the ones this command accepts.
      const accepted =
        error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
          ? `; accepted options: ${[...Object.keys(options), 'help']
              .sort()
              .map((o) => `--${o}`)
              .join(', ')}`
          : '';
      throw new UsageError(`${first}${accepted}`);
    }
    throw error;
  }
}

/**
 * The parsed command line, or `undefined` when it asked for `--help`: `usage` has then been
 * written (to stdout unless `write` says otherwise) and the command returns EXIT.ok.
 */
export function commandLine<O extends Options>(
  argv: string[],
  usage: string,
  options: O,
  opts: { positionals?: boolean; write?: (text: string) => void } = {},
) {
  const args = parseCommandArgs(argv, options, opts.positionals ?? false);
  // `in` narrows the generic values object, whose keys TypeScript cannot see here.
  if (!('help' in args.values && args.values.help === true)) return args;
  const write = opts.write ?? ((text: string) => process.stdout.write(text));
  write(`${usage}\n`);
  return undefined;
}
