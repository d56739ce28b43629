// The shape of a command. Adding one: write commands/<name>.ts exporting a Command, add it to commands/index.ts.
import type { CliIO } from '../io';

export interface Command {
  name: string;
  /** Synopsis after the program name, e.g. "check [文件或文件夹…] [--format text|json]". */
  usage: string;
  /** One line per language for the help text. */
  summary: { zh: string; en: string };
  /** Runs with the arguments after the command name; resolves to the exit code (0 ok, 1 errors found, 2 usage/read error). */
  run(args: string[], io: CliIO): Promise<number>;
}
