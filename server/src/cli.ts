#!/usr/bin/env node
/*
 * error-codebook: the command line, for terminals and CI. It shares the core with the language
 * server and streams every input, so files of any size and standard input work alike.
 *
 * Each subcommand is one entry of COMMANDS: its options (util.parseArgs), its usage and its run.
 * Results go to standard output; errors (unreadable inputs, catalog problems, a wrong command line)
 * go to standard error. When standard output is closed early (`| head`) or its disk is full, the
 * run ends quietly with the exit status of the findings so far.
 */
import { ParseArgsConfig, parseArgs } from 'util';
import { EXIT_CLEAN, EXIT_TROUBLE, Output, UsageError, problem, readVersion } from './cliCommon';
import { SCAN_OPTIONS, SCAN_USAGE, isScanWorker, runScan, runScanWorker } from './cliScan';
import { runCatalogs, runImport } from './cliImport';

type Subcommand =
  | {
      /** One line for the list of commands. */
      summary: string;
      usage: string;
      options: NonNullable<ParseArgsConfig['options']>;
      run(values: Record<string, unknown>, positionals: string[], output: Output): Promise<number>;
    }
  | {
      summary: string;
      /** A command that reads its own arguments (cliImport.ts). */
      runArguments(args: string[]): Promise<number>;
    };

const COMMANDS: Record<string, Subcommand> = {
  scan: { summary: 'find and explain error codes in files, folders or standard input', usage: SCAN_USAGE, options: SCAN_OPTIONS, run: runScan },
  import: { summary: 'write or update a catalog from an error-code page saved from the provider\'s site', runArguments: runImport },
  catalogs: { summary: 'list the loaded catalogs with their entry counts, sources and dates', runArguments: runCatalogs },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const commands = Object.entries(COMMANDS)
    .map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`)
    .join('\n');
  return `Usage: error-codebook <command> [options] ...

Commands:
${commands}

Run "error-codebook <command> --help" for a command's options.
  -h, --help      show this help
  -v, --version   print the version

${SCAN_USAGE}`;
}

async function main(argv: string[], output: Output): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    process.stderr.write(`${usage()}\n`);
    return EXIT_TROUBLE;
  }
  if (name === '-h' || name === '--help') {
    output.write(`${usage()}\n`);
    return EXIT_CLEAN;
  }
  if (name === '-v' || name === '--version') {
    output.write(`${readVersion()}\n`);
    return EXIT_CLEAN;
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  try {
    if (!command) {
      throw new UsageError(`Unknown command "${name}"; the commands are ${Object.keys(COMMANDS).join(', ')}.`);
    }
    if ('runArguments' in command) {
      return await command.runArguments(rest);
    }
    let parsed: { values: Record<string, unknown>; positionals: string[] };
    try {
      parsed = parseArgs({ args: rest, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (parsed.values.help) {
      output.write(`${command.usage}\n`);
      return EXIT_CLEAN;
    }
    return await command.run(parsed.values, parsed.positionals, output);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`error-codebook: ${error.message}\n\n${command && 'usage' in command ? command.usage : usage()}\n`);
      return EXIT_TROUBLE;
    }
    throw error;
  }
}

if (isScanWorker()) {
  // A thread `error-codebook scan` started to scan some of its files.
  runScanWorker().catch((error: unknown) => {
    problem(`${(error as Error).stack ?? error}`);
    process.exitCode = EXIT_TROUBLE;
  });
} else {
  const output = new Output(process.stdout);
  main(process.argv.slice(2), output).then(
    async (code) => {
      await output.flush();
      process.exitCode = code;
    },
    (error) => {
      problem(`${(error as Error).stack ?? error}`);
      process.exitCode = EXIT_TROUBLE;
    },
  );
}
