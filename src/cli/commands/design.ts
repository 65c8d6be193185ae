import { Command } from 'commander';
import type { CommandContext } from '../context.js';
export function designCommand(_ctx: CommandContext): Command {
  return new Command('design');
}
