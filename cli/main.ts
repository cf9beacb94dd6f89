import { readFileSync } from 'node:fs';
import { checksCommand } from './checks-list';
import { collectCommand } from './collect';
import { type Command, EXIT, InputError, UsageError } from './command';
import { complianceCommand } from './compliance-command';
import { evidenceCommand } from './evidence-command';
import { mutelistCommand } from './mutelist-command';
import { publishCommand } from './publish-command';
import { sandboxCommand } from './sandbox-command';
import { scanCommand } from './scan';
import { startCommand } from './start-command';

/** Every command: add one here (its code lives in its own file). */
const COMMANDS: readonly Command[] = [
  startCommand,
  scanCommand,
  collectCommand,
  checksCommand,
  complianceCommand,
  evidenceCommand,
  mutelistCommand,
  sandboxCommand,
  publishCommand,
];

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return String((pkg as { version?: unknown }).version);
}

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'mk8s-audit: audits the customer side of managed Kubernetes (EKS, GKE, AKS) through the cloud APIs.',
    '',
    'Usage: mk8s-audit <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'mk8s-audit <command> --help' for a command's options.",
  ].join('\n');
}

/** Runs one command line; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${help()}\n`);
    return name === undefined ? EXIT.badInput : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    process.stderr.write(`mk8s-audit: unknown command '${name}'\n\n${help()}\n`);
    return EXIT.badInput;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(
        `mk8s-audit ${name}: ${error.message}\nRun 'mk8s-audit ${name} --help' for usage.\n`,
      );
      return EXIT.badInput;
    }
    if (error instanceof InputError) {
      process.stderr.write(`mk8s-audit ${name}: ${error.message}\n`);
      return EXIT.badInput;
    }
    process.stderr.write(
      `mk8s-audit ${name}: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT.badInput;
  }
}

process.exitCode = await main(process.argv.slice(2));
