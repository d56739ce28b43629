// The command registry, in the order the help lists them.
import type { Command } from './command';
import { check } from './check';
import { outline } from './outline';
import { lsp } from './lsp';
import { learn } from './learn';
import { figures } from './figures';

export type { Command } from './command';

export const commands: Command[] = [check, outline, figures, learn, lsp];

export function findCommand(name: string): Command | undefined {
  return commands.find((c) => c.name === name);
}
