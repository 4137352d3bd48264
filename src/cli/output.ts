import { MinerError, isMinerError, ExitCode } from '../errors.js';

export interface OutputOptions {
  json: boolean;
  quiet: boolean;
  verbose: boolean;
}

/**
 * The one place a command writes. With `--json`, stdout carries exactly one JSON document and
 * human text goes to stderr; without it, results go to stdout and progress to stderr.
 */
export class Output {
  constructor(
    readonly options: OutputOptions,
    private readonly stdout: NodeJS.WritableStream = process.stdout,
    private readonly stderr: NodeJS.WritableStream = process.stderr,
  ) {}

  get json(): boolean {
    return this.options.json;
  }

  /** The command's result: JSON on stdout with `--json`, else the human rendering on stdout. */
  result<T>(data: T, human: (data: T) => string): void {
    if (this.options.json) this.stdout.write(`${JSON.stringify(data, jsonReplacer, 2)}\n`);
    else {
      const text = human(data);
      if (text) this.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    }
  }

  /** Progress and notes for humans: always stderr, silenced by `--quiet`. */
  info(message: string): void {
    if (!this.options.quiet) this.stderr.write(`${message}\n`);
  }

  /** Extra detail, only with `--verbose`. */
  debug(message: string): void {
    if (this.options.verbose && !this.options.quiet) this.stderr.write(`${message}\n`);
  }

  warn(message: string): void {
    this.stderr.write(`warning: ${message}\n`);
  }

  /** Reports an error in the shape of the current mode and returns the exit code to use. */
  error(error: unknown): ExitCode {
    const minerError = toMinerError(error);
    if (this.options.json) {
      this.stdout.write(`${JSON.stringify({ error: minerError.toJSON() }, null, 2)}\n`);
    } else {
      this.stderr.write(`error: ${minerError.shortMessage}\n`);
      if (minerError.details && this.options.verbose) this.stderr.write(`  ${minerError.details}\n`);
      if (minerError.hint) this.stderr.write(`hint: ${minerError.hint}\n`);
      if (minerError.code === 'UNEXPECTED' && this.options.verbose && error instanceof Error && error.stack) {
        this.stderr.write(`${error.stack}\n`);
      }
    }
    return minerError.exitCode;
  }
}

export function toMinerError(error: unknown): MinerError {
  if (isMinerError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new MinerError('UNEXPECTED', `Unexpected error: ${message.split('\n')[0]}`, {
    hint: 'Run again with --verbose for the stack trace; report it if it persists.',
    details: message,
    cause: error,
  });
}

/** bigint travels as a decimal string, as the protocol does. */
export function jsonReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

export { ExitCode };
