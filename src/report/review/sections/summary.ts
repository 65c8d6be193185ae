/** The report's opening sections: the headline figures, the topology, the targets. */
import { formatThreshold, type GateRecord } from '../../../gate/index.js';
import { placementChart } from '../../charts/placement.js';
import { formatAvailability, formatCount, formatDuration, formatProbability } from '../../format.js';
import { actualText, sourceText } from '../../text/gate.js';
import { figure, type Block, type Figure, type SectionBuilder, type Tone } from '../../review-view.js';

const STATUS: Record<GateRecord['status'], { text: string; tone: Tone }> = {
  pass: { text: '✔ pass', tone: 'good' },
  fail: { text: '✖ fail', tone: 'bad' },
  warn: { text: '! warn', tone: 'warn' },
  inconclusive: { text: '? inconclusive', tone: 'warn' },
};

/** Frequency figures are null when a part that can fail has no failure rate (no mttr). */
const NO_RATE = 'not defined: a part has no failure rate (give it an mttr)';

/** Verdict of the targets and the service's headline figures. */
export const summarySection: SectionBuilder = ({ documents: d }) => {
  const s = d.analyze.service;
  const verdict = STATUS[d.check.status];
  const c = d.check.summary;
  const targets: Figure =
    c.total === 0
      ? { text: 'no targets in the model', tone: 'muted' }
      : {
          text: `${verdict.text}: ${c.passed} of ${c.total} met${c.failed > 0 ? `, ${c.failed} missed` : ''}${c.warnings > 0 ? `, ${c.warnings} warning${c.warnings === 1 ? '' : 's'}` : ''}`,
          path: 'check.status',
          value: d.check.status,
          tone: verdict.tone,
        };
  const horizon = formatDuration(d.analyze.horizonSeconds);
  const set = d.analyze.overrides?.set ?? [];
  const whatIf: Block[] =
    set.length === 0
      ? []
      : [
          {
            kind: 'paragraph',
            text: [
              'What if: these are the figures of the model changed by ',
              ...set.flatMap((t, i) => [...(i > 0 ? [', '] : []), { text: `--set ${t}`, code: true }]),
              ', not of the file as it is.',
            ],
          },
        ];
  return {
    id: 'summary',
    title: 'Summary',
    blocks: [
      ...whatIf,
      {
        kind: 'facts',
        items: [
          { label: 'Targets', value: targets },
          { label: 'Availability', value: figure(d, 'analyze.service.unavailability', formatAvailability) },
          { label: 'Downtime per year', value: figure(d, 'analyze.service.downtimeSecondsPerYear', formatDuration) },
          {
            label: 'Downtime per month (30 d)',
            value: figure(d, 'analyze.service.downtimeSecondsPerMonth', formatDuration),
          },
          {
            label: 'Outages per year',
            value: figure(d, 'analyze.service.outagesPerYear', formatCount, undefined, NO_RATE),
          },
          {
            label: 'Mean outage',
            value: figure(d, 'analyze.service.meanOutageSeconds', formatDuration, undefined, NO_RATE),
          },
          {
            label: `P(at least one outage within ${horizon})`,
            value: figure(d, 'analyze.service.failureProbability', formatProbability, undefined, NO_RATE),
          },
          ...(s.prunedProbability > 0
            ? [
                {
                  label: 'Error bound (pruned zone/region states)',
                  value: figure(d, 'analyze.service.prunedProbability', formatProbability),
                },
              ]
            : []),
        ],
      },
    ],
  };
};

/** The placement map and the service expression. */
export const topologySection: SectionBuilder = ({ topology }) => ({
  id: 'topology',
  title: 'Topology',
  blocks: [
    { kind: 'diagram', topology, chart: placementChart(topology) },
    {
      kind: 'facts',
      items: [
        { label: 'Service needs', value: { text: topology.serviceText, code: true } },
        ...(topology.replication === undefined
          ? []
          : [{ label: 'Data tier replication', value: topology.replication }]),
        ...(topology.recovery === undefined ? [] : [{ label: 'Recovery strategy', value: topology.recovery }]),
      ],
    },
  ],
});

/** One row per target: status, target, actual, threshold, level, source (as `nines check`). */
export const targetsSection: SectionBuilder = ({ documents: d }) => {
  const records = d.check.records;
  if (records.length === 0)
    return {
      id: 'targets',
      title: 'Targets',
      blocks: [
        {
          kind: 'paragraph',
          text: [
            'The model has no targets: add a ',
            { text: 'targets', code: true },
            ' section to gate it with ',
            { text: 'nines check', code: true },
            '.',
          ],
        },
      ],
    };
  const notes = records.filter((r) => r.status !== 'pass');
  return {
    id: 'targets',
    title: 'Targets',
    blocks: [
      {
        kind: 'table',
        table: {
          head: ['Status', 'Target', 'Actual', 'Threshold', 'Level', 'Source'],
          rows: records.map((r, i) => [
            {
              text: STATUS[r.status].text,
              path: `check.records.${i}.status`,
              value: r.status,
              tone: STATUS[r.status].tone,
            },
            { text: r.id, code: true },
            r.actual === null
              ? { text: actualText(r), path: `check.records.${i}.actual`, value: null, tone: 'bad' }
              : { text: actualText(r), path: `check.records.${i}.actual`, value: r.actual },
            formatThreshold(r),
            r.level,
            { text: sourceText(r.source), code: true },
          ]),
        },
      },
      ...(notes.length > 0
        ? [
            {
              kind: 'list' as const,
              items: notes.map((r) => [{ text: STATUS[r.status].text, tone: STATUS[r.status].tone }, ` ${r.message}`]),
            },
          ]
        : []),
    ],
  };
};
