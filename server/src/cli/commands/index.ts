// The command registry, in the order the help lists them.
import type { Command } from './command';
import { check } from './check';
import { outline } from './outline';
import { lsp } from './lsp';

export type { Command } from './command';

export const commands: Command[] = [check, outline, lsp];

export function findCommand(name: string): Command | undefined {
  return commands.find((c) => c.name === name);
}
