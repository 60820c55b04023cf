// The command line of every subcommand, read by Node's own parseArgs (node:util: no dependency, and the same
// rules everywhere: `--format json`, `--format=json`, `-h`); its errors become usage errors in our words.
import { parseArgs } from 'node:util';
import { UsageError } from './check';

export interface CommandLine {
  /** The string options given, by name. */
  readonly values: Readonly<Record<string, string | undefined>>;
  /** The on/off options given (`--no-suspects`). */
  readonly switches: ReadonlySet<string>;
  readonly positionals: readonly string[];
  readonly help: boolean;
}

/** Each option takes a string: one of a list (checked here, and named in the message), or any value (undefined). */
export type OptionSpecs = Readonly<Record<string, readonly string[] | undefined>>;

/** Reads `args`: the named options, the switches (options without a value), positionals, and -h/--help. */
export function parseCommandLine(args: readonly string[], specs: OptionSpecs, switchNames: readonly string[] = []): CommandLine {
  const options = {
    ...Object.fromEntries(Object.keys(specs).map((name) => [name, { type: 'string' as const }])),
    ...Object.fromEntries(switchNames.map((name) => [name, { type: 'boolean' as const }])),
  };
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, strict: true, options: { ...options, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    throw usageErrorOf(error, specs);
  }
  const given = parsed.values as Record<string, string | boolean | undefined>;
  for (const [name, allowed] of Object.entries(specs)) {
    const value = given[name];
    if (allowed && typeof value === 'string' && !allowed.includes(value)) throw new UsageError(`--${name} takes ${quotedList(allowed)}, not "${value}"`);
  }
  const { help, ...rest } = given;
  const values = Object.fromEntries(Object.entries(rest).filter(([name]) => !switchNames.includes(name)));
  const switches = new Set(switchNames.filter((name) => rest[name] === true));
  return { values: values as Record<string, string | undefined>, switches, positionals: parsed.positionals, help: help === true };
}

function quotedList(values: readonly string[]): string {
  const quoted = values.map((value) => `"${value}"`);
  return quoted.length <= 2 ? quoted.join(' or ') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

function usageErrorOf(error: unknown, specs: OptionSpecs): UsageError {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const name = /'(-[^' ]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && name) return new UsageError(`unknown option "${name}"`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && name) {
    const allowed = specs[name.replace(/^--/, '')];
    return new UsageError(`${name} takes ${allowed ? quotedList(allowed) : 'a value'}, not nothing`);
  }
  return new UsageError(message.split('\n')[0] ?? message);
}
