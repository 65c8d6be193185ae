import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reportSchemaErrors } from '../support/report-schema.js';
import { runCli } from '../support/run-cli.js';

const models = readdirSync('models').filter((f) => f.endsWith('.yaml'));

describe('nines analyze', () => {
  it.each(models)('%s: one JSON document on stdout, valid against the report schema', async (model) => {
    const run = await runCli(['analyze', `models/${model}`, '--json']);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(reportSchemaErrors(doc)).toEqual([]);
    expect(doc).toMatchObject({ schemaVersion: 1, command: 'analyze', model: { file: `models/${model}` } });
  });

  it.each(models)('%s: a text report within 100 columns', async (model) => {
    const run = await runCli(['analyze', `models/${model}`]);
    expect(run.code).toBe(0);
    for (const line of run.stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(100);
  });

  it('answers the textbook question and says which figure answers which', async () => {
    // Three zones each down with probability 0.01: P(at least one) = 1 − 0.99³ = 0.029701,
    // P(all three) = 0.01³ = 1e-6 (worked by hand).
    const json = JSON.parse((await runCli(['analyze', 'models/textbook-three-zones.yaml', '--json'])).stdout) as {
      components: { zoneSummary: { anyFailsWithinHorizonProbability: number; allDownAtOnceProbability: number } };
      service: { unavailability: number };
    };
    expect(json.components.zoneSummary.anyFailsWithinHorizonProbability).toBeCloseTo(0.029701, 15);
    expect(json.components.zoneSummary.allDownAtOnceProbability).toBeCloseTo(1e-6, 20);
    expect(json.service.unavailability).toBeCloseTo(1e-6, 20);
    const text = (await runCli(['analyze', 'models/textbook-three-zones.yaml'])).stdout;
    expect(text).toContain('P(at least one fails within 1 y) = 0.029701');
    expect(text).toContain('P(all down at the same moment) = 1.00e-6');
  });

  it('reports an invalid model with its problems and exit 2', async () => {
    const run = await runCli(['analyze', 'fixtures/invalid/wrong-dimension.yaml', '--json']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({
      valid: false,
      problems: [{ code: 'invalid-unit', line: 5, col: 36 }],
    });
  });
});

describe('nines simulate', () => {
  it('refuses timeline-only trials of a model with static components as a user error (exit 2)', async () => {
    const run = await runCli(['simulate', 'models/textbook-three-zones.yaml', '--mode', 'timeline']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('without an mttr');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('gives a schema-valid JSON document, the same for the same seed', async () => {
    const args = [
      'simulate',
      'models/database-dr.yaml',
      '--json',
      '--trials',
      '200000',
      '--timeline-trials',
      '2000',
      '--seed',
      '7',
      '--workers',
      '1',
    ];
    const first = await runCli(args);
    expect(first.code).toBe(0);
    const doc = JSON.parse(first.stdout) as { simulation: { seed: number } };
    expect(reportSchemaErrors(doc)).toEqual([]);
    expect(doc.simulation.seed).toBe(7);
    expect((await runCli(args)).stdout).toBe(first.stdout);
  });
});
