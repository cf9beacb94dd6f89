import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatIssues } from '../core/config';
import { MutelistError, parseMutelist } from '../core/mutelist';
import { DeploymentConfig } from './config';

/** The CDK context key that holds the configuration object (or its JSON text). */
export const CONTEXT_KEY = 'mk8s-audit';
/** The CDK context key that names another configuration file. */
export const CONFIG_FILE_CONTEXT_KEY = 'mk8s-audit:config-file';
export const DEFAULT_CONFIG_FILE = 'mk8s-audit.config.json';

/** A configuration that cannot be used; the message names the source, the key and the fix. */
export class ConfigError extends Error {
  public override readonly name = 'ConfigError';
}

export interface ConfigSources {
  /** `app.node.tryGetContext` */
  context: (key: string) => unknown;
  /** Directory a relative config file path is resolved against. */
  cwd: string;
}

/**
 * Reads the deployment configuration: the `mk8s-audit` context value when set, else the
 * config file (`mk8s-audit:config-file` context or `mk8s-audit.config.json`) when it exists,
 * else all defaults. Throws a ConfigError naming every bad key.
 */
export function loadDeploymentConfig(sources: ConfigSources): DeploymentConfig {
  return withMutelistFile(readConfig(sources), sources.cwd);
}

/** `mutelistFile` read and validated now, so a bad mutelist fails `cdk synth`, not a run. */
function withMutelistFile(config: DeploymentConfig, cwd: string): DeploymentConfig {
  if (config.mutelistFile === undefined) return config;
  const file = resolve(cwd, config.mutelistFile);
  if (!existsSync(file)) {
    throw new ConfigError(`mutelistFile: ${file}: no such file`);
  }
  try {
    return { ...config, mutelist: parseMutelist(readFileSync(file, 'utf8'), file) };
  } catch (error) {
    if (error instanceof MutelistError) throw new ConfigError(`mutelistFile: ${error.message}`);
    throw error;
  }
}

function readConfig(sources: ConfigSources): DeploymentConfig {
  const fromContext = sources.context(CONTEXT_KEY);
  if (fromContext !== undefined) {
    return parse(
      typeof fromContext === 'string'
        ? parseJson(fromContext, `context "${CONTEXT_KEY}"`)
        : fromContext,
      `context "${CONTEXT_KEY}"`,
    );
  }
  const named = sources.context(CONFIG_FILE_CONTEXT_KEY);
  if (named !== undefined && typeof named !== 'string') {
    throw new ConfigError(`context "${CONFIG_FILE_CONTEXT_KEY}" must be a file path`);
  }
  const file = resolve(sources.cwd, named ?? DEFAULT_CONFIG_FILE);
  if (!existsSync(file)) {
    if (named !== undefined) {
      throw new ConfigError(
        `${file}: no such file (named by context "${CONFIG_FILE_CONTEXT_KEY}")`,
      );
    }
    return parse({}, 'defaults');
  }
  return parse(parseJson(readFileSync(file, 'utf8'), file), file);
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${source}: not valid JSON (${(error as Error).message})`);
  }
}

function parse(input: unknown, source: string): DeploymentConfig {
  const result = DeploymentConfig.safeParse(input);
  if (!result.success) {
    throw new ConfigError(
      `Invalid mk8s-audit configuration in ${source}:\n${formatIssues(result.error)
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n')}\nFix these keys (see README, "Deploying") and run the command again.`,
    );
  }
  return result.data;
}
