/**
 * The what-if and gating flags of computing commands: `--set PATH=VALUE` (before validation),
 * `--fail NAME` (a drill) and `--target` (check, recommend), their commander options, and how
 * their problems are reported.
 */
import { Option, type Command } from 'commander';

export { printLoadProblems } from './load-model.js';

export {
  drillFor,
  explainOverrideProblems,
  overridesJson,
  setOverrides,
  targetFlags,
  type SetOverrides,
} from '../app/what-if.js';

/** Commander's collector for a repeatable option. */
export function collect(value: string, previous: readonly string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Adds `--set` (and `--fail` when asked) to a command. */
export function withOverrideOptions(command: Command, options: { fail: boolean } = { fail: true }): Command {
  command.addOption(
    new Option(
      '--set <path=value>',
      "what-if: change a model field before validation, e.g. 'tiers.db.nodes=5' (repeatable)",
    ).argParser(collect),
  );
  if (options.fail) {
    command.addOption(
      new Option(
        '--fail <name>',
        'drill: count a zone, region, tier or node (tier[i], from 0) as down, e.g. az-a, db[0] (repeatable)',
      ).argParser(collect),
    );
  }
  return command;
}
