import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

// Sloth and OpenSLO exports. Neither tool runs offline here, and neither project publishes a
// current JSON Schema (OpenSLO removed its draft schemas from the repository in 2024), so the
// documents are checked against the specifications themselves, encoded below from their text:
// - Sloth: github.com/slok/sloth, pkg/prometheus/api/v1/v1.go (the spec types) and
//   internal/prometheus/model.go (validation: objective in (0, 100], alert name required,
//   queries that parse as PromQL once `{{.window}}` is rendered as "1m"); the PromQL part is
//   checked by the real parser, promtool.
// - OpenSLO v1: github.com/OpenSLO/OpenSLO, README.md "Specification" (General Schema, SLO,
//   Objectives, SLI ratioMetric, AlertPolicy, AlertCondition, duration-shorthand).

const API = 'models/api-slo.yaml';

async function exported(format: string, extra: readonly string[] = []): Promise<unknown> {
  const r = await runCli(['slo', API, '--format', format, ...extra]);
  expect(r.code).toBe(0);
  return parse(r.stdout);
}

const labelMap = {
  type: 'object',
  propertyNames: { pattern: '^[a-zA-Z_][a-zA-Z0-9_]*$' },
  additionalProperties: { type: 'string' },
};
const SLOTH_V1 = {
  type: 'object',
  required: ['version', 'service', 'slos'],
  additionalProperties: false,
  properties: {
    version: { const: 'prometheus/v1' },
    service: { type: 'string', minLength: 1 },
    labels: labelMap,
    slos: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['name', 'objective', 'sli', 'alerting'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', minLength: 1 },
          objective: { type: 'number', exclusiveMinimum: 0, maximum: 100 },
          description: { type: 'string' },
          labels: labelMap,
          sli: {
            type: 'object',
            additionalProperties: false,
            properties: {
              events: {
                type: 'object',
                required: ['error_query', 'total_query'],
                additionalProperties: false,
                properties: {
                  error_query: { type: 'string', pattern: '\\{\\{\\.window\\}\\}' },
                  total_query: { type: 'string', pattern: '\\{\\{\\.window\\}\\}' },
                },
              },
            },
          },
          alerting: {
            type: 'object',
            required: ['name'],
            additionalProperties: false,
            properties: {
              name: { type: 'string', pattern: '^[a-zA-Z_:][a-zA-Z0-9_:]*$' },
              labels: labelMap,
              annotations: { type: 'object' },
              page_alert: {
                type: 'object',
                properties: { disable: { type: 'boolean' }, labels: labelMap, annotations: { type: 'object' } },
                additionalProperties: false,
              },
              ticket_alert: {
                type: 'object',
                properties: { disable: { type: 'boolean' }, labels: labelMap, annotations: { type: 'object' } },
                additionalProperties: false,
              },
            },
          },
        },
      },
    },
  },
};

const duration = { type: 'string', pattern: '^[1-9][0-9]*[mhdwMQY]$' };
const rfc1123 = { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$' };
const metricSource = {
  type: 'object',
  required: ['metricSource'],
  properties: {
    metricSource: {
      type: 'object',
      required: ['spec'],
      properties: { metricSourceRef: { type: 'string' }, type: { type: 'string' }, spec: { type: 'object' } },
    },
  },
};
const OPENSLO_V1_SLO = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  properties: {
    apiVersion: { const: 'openslo/v1' },
    kind: { const: 'SLO' },
    metadata: {
      type: 'object',
      required: ['name'],
      properties: {
        name: rfc1123,
        displayName: { type: 'string' },
        labels: {
          type: 'object',
          additionalProperties: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
        },
        annotations: { type: 'object', additionalProperties: { type: 'string' } },
      },
      additionalProperties: false,
    },
    spec: {
      type: 'object',
      required: ['service', 'budgetingMethod', 'objectives'],
      properties: {
        description: { type: 'string', maxLength: 1050 },
        service: { type: 'string' },
        indicator: {
          type: 'object',
          required: ['metadata', 'spec'],
          properties: {
            metadata: { type: 'object', required: ['name'], properties: { name: rfc1123 } },
            spec: {
              type: 'object',
              properties: {
                ratioMetric: {
                  type: 'object',
                  required: ['counter', 'total'],
                  properties: {
                    counter: { type: 'boolean' },
                    good: metricSource,
                    bad: metricSource,
                    total: metricSource,
                  },
                  not: { required: ['good', 'bad'] },
                },
              },
              required: ['ratioMetric'],
            },
          },
        },
        timeWindow: {
          type: 'array',
          minItems: 1,
          maxItems: 1,
          items: {
            type: 'object',
            required: ['duration'],
            properties: {
              duration,
              isRolling: { type: 'boolean' },
              calendar: {
                type: 'object',
                required: ['startTime', 'timeZone'],
                properties: {
                  startTime: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$' },
                  timeZone: { type: 'string' },
                },
              },
            },
          },
        },
        budgetingMethod: { enum: ['Occurrences', 'Timeslices', 'RatioTimeslices'] },
        objectives: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            properties: {
              displayName: { type: 'string' },
              target: { type: 'number', minimum: 0, exclusiveMaximum: 1 },
            },
            required: ['target'],
          },
        },
        alertPolicies: {
          type: 'array',
          items: {
            type: 'object',
            required: ['kind', 'metadata', 'spec'],
            properties: {
              kind: { const: 'AlertPolicy' },
              metadata: { type: 'object', required: ['name'], properties: { name: rfc1123 } },
              spec: {
                type: 'object',
                required: ['conditions', 'notificationTargets'],
                properties: {
                  description: { type: 'string', maxLength: 1050 },
                  alertWhenBreaching: { type: 'boolean' },
                  alertWhenResolved: { type: 'boolean' },
                  alertWhenNoData: { type: 'boolean' },
                  conditions: {
                    type: 'array',
                    minItems: 1,
                    maxItems: 1,
                    items: {
                      type: 'object',
                      required: ['kind', 'metadata', 'spec'],
                      properties: {
                        kind: { const: 'AlertCondition' },
                        metadata: { type: 'object', required: ['name'], properties: { name: rfc1123 } },
                        spec: {
                          type: 'object',
                          required: ['severity', 'condition'],
                          properties: {
                            severity: { type: 'string' },
                            condition: {
                              type: 'object',
                              required: ['kind', 'op', 'threshold', 'lookbackWindow'],
                              properties: {
                                kind: { const: 'burnrate' },
                                op: { enum: ['lte', 'gte', 'lt', 'gt'] },
                                threshold: { type: 'number' },
                                lookbackWindow: duration,
                                alertAfter: duration,
                              },
                            },
                          },
                        },
                      },
                    },
                  },
                  notificationTargets: { type: 'array' },
                },
              },
            },
          },
        },
      },
    },
  },
};

const ajv = new Ajv2020({ allErrors: true, strict: false });
const slothValid = ajv.compile(SLOTH_V1);
const openSloValid = ajv.compile(OPENSLO_V1_SLO);

describe('nines slo --format sloth', () => {
  it('writes a Sloth prometheus/v1 spec that meets its types and validation', async () => {
    const spec = (await exported('sloth')) as {
      slos: { objective: number; sli: { events: { error_query: string; total_query: string } } }[];
    };
    expect(slothValid(spec), JSON.stringify(slothValid.errors)).toBe(true);
    expect(spec.slos[0]?.objective).toBe(99.9);
  });

  it('its SLI queries parse as PromQL with {{.window}} rendered as Sloth validates them ("1m"), by promtool', async () => {
    const spec = (await exported('sloth')) as {
      slos: { sli: { events: { error_query: string; total_query: string } } }[];
    };
    const events = spec.slos[0]?.sli.events;
    const dir = mkdtempSync(join(tmpdir(), 'nines-sloth-'));
    const path = join(dir, 'queries.yaml');
    const render = (s: string | undefined): string => (s ?? '').replaceAll('{{.window}}', '1m');
    writeFileSync(
      path,
      JSON.stringify({
        groups: [
          {
            name: 'sloth-sli',
            rules: [
              { record: 'sli:error', expr: render(events?.error_query) },
              { record: 'sli:total', expr: render(events?.total_query) },
            ],
          },
        ],
      }),
    );
    const r = spawnSync('promtool', ['check', 'rules', path], { encoding: 'utf8' });
    if (r.error !== undefined)
      throw new Error(`promtool did not run (${r.error.message}); install Debian's prometheus package`);
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
  });

  it('the schema rejects what Sloth rejects (the check can fail)', () => {
    expect(
      slothValid({
        version: 'prometheus/v1',
        service: 'x',
        slos: [
          { name: 'a', objective: 0, sli: { events: { error_query: 'a', total_query: 'b' } }, alerting: { name: 'A' } },
        ],
      }),
    ).toBe(false);
  });

  it("says when the SLO window is not Sloth's 30-day default", async () => {
    const r = await runCli(['slo', API, '--format', 'sloth', '--window', '28d']);
    expect(r.stdout).toContain("Sloth's prometheus/v1 spec has no window field");
  });
});

describe('nines slo --format openslo', () => {
  it.each([[[]], [['--window', '28d']], [['--window', 'month']], [['--window', 'quarter']]])(
    'writes an OpenSLO v1 SLO that meets the spec (%j)',
    async (extra) => {
      const document = await exported('openslo', extra);
      expect(openSloValid(document), JSON.stringify(openSloValid.errors)).toBe(true);
    },
  );

  it('windows, target and burn rates as the spec writes them', async () => {
    type Doc = {
      spec: {
        timeWindow: { duration: string; isRolling: boolean }[];
        objectives: { target: number }[];
        alertPolicies: {
          spec: { conditions: { spec: { condition: { threshold: number; lookbackWindow: string } } }[] };
        }[];
      };
    };
    const rolling = (await exported('openslo', ['--window', '28d'])) as Doc;
    expect(rolling.spec.timeWindow).toEqual([{ duration: '28d', isRolling: true }]);
    expect(rolling.spec.objectives[0]?.target).toBe(0.999);
    expect(
      rolling.spec.alertPolicies.map((p) => [
        p.spec.conditions[0]?.spec.condition.threshold,
        p.spec.conditions[0]?.spec.condition.lookbackWindow,
      ]),
    ).toEqual([
      [13.44, '1h'],
      [5.6, '6h'],
      [14 / 15, '3d'],
    ]);
    const month = (await exported('openslo', ['--window', 'month'])) as Doc;
    expect(month.spec.timeWindow[0]).toMatchObject({ duration: '1M', isRolling: false });
    const quarter = (await exported('openslo', ['--window', 'quarter'])) as Doc;
    expect(quarter.spec.timeWindow[0]?.duration).toBe('1Q');
  });

  it('the encoded spec rejects a target of 100% and a bad duration (the check can fail)', () => {
    const bad = {
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      metadata: { name: 'x' },
      spec: {
        service: 'x',
        budgetingMethod: 'Occurrences',
        objectives: [{ target: 1 }],
        timeWindow: [{ duration: '30 d' }],
      },
    };
    expect(openSloValid(bad)).toBe(false);
  });
});
