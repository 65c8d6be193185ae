/**
 * `nines check <file|->`: the CI gate. Targets from the model and `--target` flags → records,
 * an exit code (0 pass, 1 missed, 2 bad input, 3 inconclusive), and reports in text, JSON,
 * Markdown and JUnit; GitHub Actions annotations and step summary.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { analyzeModel } from '../../analytic/analyze-model.js';
import { needsSloFigures, sloGateFigures } from '../../app/slo.js';
import { planForTargets } from '../../app/plan.js';
import { suggest } from '../../lib/suggest.js';
import { EXIT, ninesError } from '../../errors.js';
import {
  evaluateTargets,
  fileTargets,
  gateExit,
  mergeTargets,
  type GateTarget,
  type McDecision,
} from '../../gate/index.js';
import type { Model } from '../../model/types.js';
import { modelInfo } from '../../report/json/analysis.js';
import { envelope, toJson } from '../../report/json/envelope.js';
import { renderCheckJunit } from '../../report/junit/gate.js';
import { renderCheckMarkdown } from '../../report/markdown/gate.js';
import { githubAnnotations, githubProblemAnnotations, renderCheck, type CheckView } from '../../report/text/gate.js';
import { textStyle } from '../../report/style.js';
import { DEFAULT_SEED, simulate } from '../../simulate/index.js';
import { output, type CommandContext } from '../context.js';
import { readModelDocument } from '../load-model.js';
import { targetGrammarLines } from '../target-grammar.js';
import { recommend } from '../../app/recommend/index.js';
import { renderRecommendations } from '../../report/text/recommend.js';
import { writeResultFile } from '../write-file.js';
import { positiveInteger } from '../options.js';
import {
  collect,
  drillFor,
  overridesJson,
  printLoadProblems,
  setOverrides,
  targetFlags,
  withOverrideOptions,
} from '../overrides.js';

type Format = 'text' | 'markdown' | 'junit' | 'json';
const FORMATS: readonly Format[] = ['text', 'markdown', 'junit', 'json'];

type Flags = {
  target?: string[];
  maxWarnings?: number;
  exitZero?: boolean;
  method: 'analytic' | 'simulate';
  mcDecision: McDecision;
  format: Format;
  report?: { format: Format; path: string }[];
  ci?: 'github' | 'none';
  seed: number;
  trials: number;
  set?: string[];
  fail?: string[];
  recommendations?: boolean;
};

function nonNegativeInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`expected a whole number ≥ 0, got '${value}'`);
  return n;
}

function reportSpec(
  value: string,
  previous: { format: Format; path: string }[] | undefined,
): { format: Format; path: string }[] {
  const eq = value.indexOf('=');
  const format = FORMATS.find((f) => f === value.slice(0, eq));
  if (eq < 0 || format === undefined || value.slice(eq + 1) === '') {
    throw new InvalidArgumentError(
      `expected FORMAT=PATH with FORMAT one of ${FORMATS.join(', ')}, e.g. junit=nines.xml; got '${value}'`,
    );
  }
  return [...(previous ?? []), { format, path: value.slice(eq + 1) }];
}

export function checkCommand(ctx: CommandContext): Command {
  const command = new Command('check')
    .description('CI gate: check the model against its targets (and --target flags); exit 1 when one is missed')
    .argument('<file>', "model file (YAML or JSON), or '-' for standard input")
    .addOption(
      new Option(
        '--target <target>',
        "a target, e.g. 'availability>=99.95%', 'rto<=1h', 'rpo[region]<=15 minute', 'availability[db]>=99.99%', 'downtimePerYear<=4h@warn' (repeatable; replaces the file's target of the same metric and scope)",
      ).argParser(collect),
    )
    .addOption(
      new Option('--max-warnings <n>', 'fail (exit 1) when more than n warn-level targets are missed').argParser(
        nonNegativeInteger,
      ),
    )
    .option('--exit-zero', 'exit 0 whatever the outcome (report only); bad input still exits 2')
    .addOption(
      new Option(
        '--method <method>',
        'figures to gate on; simulate uses the 95% Monte Carlo bound for availability and downtime',
      )
        .choices(['analytic', 'simulate'])
        .default('analytic'),
    )
    .addOption(
      new Option(
        '--mc-decision <mode>',
        'with --method simulate: pessimistic = the unfavourable bound must meet the target (inconclusive, exit 3, when the interval straddles it); point = the estimate; optimistic = the favourable bound',
      )
        .choices(['pessimistic', 'point', 'optimistic'])
        .default('pessimistic'),
    )
    .addOption(
      new Option('--seed <n>', 'with --method simulate: random seed')
        .default(DEFAULT_SEED)
        .argParser(nonNegativeInteger),
    )
    .addOption(
      new Option('--trials <n>', 'with --method simulate: snapshot trials')
        .default(1_000_000)
        .argParser(positiveInteger),
    )
    .addOption(
      new Option('--format <format>', 'stdout format (--json overrides it; json is --json)')
        .choices(['text', 'markdown', 'junit', 'json'])
        .default('text'),
    )
    .addOption(
      new Option(
        '--report <format=path>',
        `also write a report to a file: FORMAT one of ${FORMATS.join(', ')} (repeatable)`,
      ).argParser(reportSpec),
    )
    .option('--no-recommendations', 'do not look for changes that would meet the missed targets')
    .addOption(
      new Option(
        '--ci <provider>',
        'CI integration: github = ::error annotations on stderr and the Markdown summary appended to $GITHUB_STEP_SUMMARY (default: github when GITHUB_ACTIONS=true)',
      ).choices(['github', 'none']),
    );
  withOverrideOptions(command);
  return command
    .addHelpText(
      'after',
      `
Target grammar: METRIC[SCOPE] OP VALUE[@warn]
${targetGrammarLines()}
  OP      >= or <=;  VALUE in the metric's unit: 99.95%, 4 nines, 1h, 15 minute, 40 TB, 2

Exit codes: 0 all targets met · 1 a target missed (or more warnings than --max-warnings) ·
2 bad input or usage · 3 inconclusive (a Monte Carlo interval straddles a target).

Examples:
  $ nines check models/database-dr.yaml
  $ nines check models/database-dr.yaml --set 'data.copies.dr-replica.lag=5 minute'   # exits 1; says what would fix it
  $ nines check models/database-dr.yaml --set 'data.copies=[]'       # exits 1: a region loss falls back to the nightly backup
  $ nines check models/database-dr.yaml --set tiers.db.nodes=1       # exits 1: a lost node waits for the switchover; says what would fix it
  $ nines check models/minimal.yaml --target 'availability>=99.99%' --target 'downtimePerYear<=1h@warn'
  $ nines check models/database-dr.yaml --format markdown >> "$GITHUB_STEP_SUMMARY"
  $ nines check models/database-dr.yaml --report junit=nines-junit.xml --report markdown=nines.md
  $ nines check models/inference-3az.yaml --method simulate --trials 3000000
  $ nines check models/inference-3az.yaml --target 'runway>=2 month'     # capacity runway (nines plan)`,
    )
    .action(async (file: string, flags: Flags, cmd: Command) => {
      const base = output(ctx, cmd);
      // `--format json` is `--json`, as `--report json=…` is the same document in a file.
      if (flags.format === 'json') ctx.json = true;
      const o = flags.format === 'json' ? { ...base, json: true } : base;
      const flagTargets = targetFlags(flags.target);
      const overrides = setOverrides(flags.set);
      const read = await readModelDocument(ctx.proc, file, overrides.edit);
      const loaded = read.ok ? { ...read, model: read.document.model } : read;
      const github = flags.ci === 'github' || (flags.ci === undefined && ctx.proc.env['GITHUB_ACTIONS'] === 'true');
      if (!loaded.ok) {
        printLoadProblems(o, loaded.fileLabel, loaded.problems, overrides.applied());
        if (github) o.err(githubProblemAnnotations(loaded.fileLabel, loaded.problems));
        if (o.json)
          o.outJson({
            ...envelope('check'),
            status: 'error',
            valid: false,
            problems: loaded.problems,
            records: [],
            overrides: overridesJson(flags.set, flags.fail),
          });
        ctx.exitCode = EXIT.input;
        return;
      }
      printLoadProblems(o, loaded.fileLabel, loaded.warnings, overrides.applied());
      checkTierNames(loaded.model, flagTargets);
      const drill = drillFor(loaded.model, flags.fail);
      const model = drill?.model ?? loaded.model;
      const analysis = analyzeModel(model);
      const simulation =
        flags.method === 'simulate'
          ? await simulate(
              model,
              { seed: flags.seed, trials: flags.trials, mode: 'snapshot', workers: 'auto' },
              {
                serviceUnavailability: analysis.availability.service.unavailability,
                tiers: Object.fromEntries(analysis.availability.tiers.map((t) => [t.name, t.unavailability])),
              },
            )
          : undefined;
      const targets = mergeTargets(fileTargets(loaded.model.targets, loaded.fileLabel), flagTargets);
      const needs = needsSloFigures(targets);
      const slo = needs.budget
        ? await sloGateFigures(model, analysis.availability, { exhaustion: needs.exhaustion, seed: flags.seed })
        : undefined;
      const plan = planForTargets(model, targets);
      const result = evaluateTargets(targets, { ...analysis, simulation, slo, plan }, { mcDecision: flags.mcDecision });
      const exit = gateExit(result, { maxWarnings: flags.maxWarnings, exitZero: flags.exitZero });
      const advice =
        flags.recommendations !== false && result.records.some((r) => r.status !== 'pass')
          ? recommend({
              text: loaded.text,
              file: loaded.fileLabel,
              set: flags.set ?? [],
              targets: flagTargets,
              fail: flags.fail ?? [],
            })
          : undefined;
      const view: CheckView = {
        modelName: loaded.model.name,
        file: loaded.fileLabel,
        method: flags.method,
        result,
        exit,
        recommendations: advice,
      };
      const document = {
        ...envelope('check'),
        model: modelInfo(loaded.model, loaded.fileLabel),
        method: flags.method,
        ...(flags.method === 'simulate' ? { mcDecision: flags.mcDecision } : {}),
        status: result.status,
        exitCode: exit.code,
        summary: result.summary,
        records: result.records,
        overrides: overridesJson(flags.set, flags.fail),
        ...(drill === undefined ? {} : { drill: drill.result }),
        ...(advice === undefined ? {} : { recommendations: advice.recommendations }),
      };
      const render = (format: Format, color: boolean): string => {
        switch (format) {
          case 'text':
            return renderCheck(view, textStyle(color, { width: o.style.width, ascii: o.style.ascii }));
          case 'markdown':
            return renderCheckMarkdown(view);
          case 'junit':
            return renderCheckJunit(view);
          case 'json':
            return toJson(document, true);
          default: {
            const never: never = format;
            throw new Error(`unknown format ${String(never)}`);
          }
        }
      };
      // Files first: a report that cannot be written is the run's one error (one JSON
      // document on stdout, never the report and then the error).
      const notes: string[] = [];
      for (const report of flags.report ?? [])
        notes.push(await writeResultFile(ctx.proc.cwd(), report.path, render(report.format, false), 'write', true));
      const summaryFile = ctx.proc.env['GITHUB_STEP_SUMMARY'];
      if (github && summaryFile !== undefined && summaryFile !== '')
        notes.push(await writeResultFile(ctx.proc.cwd(), summaryFile, `${render('markdown', false)}\n`, 'append'));
      if (o.json) o.outJson(document);
      else
        o.out(
          flags.format === 'text'
            ? renderCheck(view, o.style) + (advice === undefined ? '' : `\n${renderRecommendations(advice, o.style)}`)
            : render(flags.format, false),
        );
      if (!o.quiet) for (const note of notes) if (note !== '') o.err(`nines: ${note}\n`);
      if (result.records.length === 0 && !o.quiet)
        o.err("nines: warning: no targets to check: add a 'targets' section to the model or pass --target\n");
      if (github) o.err(githubAnnotations(result.records));
      ctx.exitCode = exit.code;
    });
}

/** A `--target 'availability[x]…'` naming a tier the model does not have is a usage error. */
function checkTierNames(model: Model, targets: readonly GateTarget[]): void {
  const names = model.tiers.map((t) => t.name);
  for (const { target, source } of targets) {
    if (target.tier === undefined || names.includes(target.tier) || !('flag' in source)) continue;
    const hint = suggest(target.tier, names);
    throw ninesError(
      'bad-target',
      source.flag,
      `no tier named '${target.tier}'${hint ? ` (did you mean '${hint}'?)` : ''}; tiers: ${names.join(', ')}`,
    );
  }
}
