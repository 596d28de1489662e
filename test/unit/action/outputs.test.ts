/** The step's outputs: paths relative to the workspace, artifact fields empty without an artifact. */
import { describe, expect, test } from '@jest/globals';

import { actionOutputs, Output, workspacePath } from '../../../src/action/outputs.js';
import type { RunMetrics } from '../../../src/observe/metrics-contract.js';
import type { DatasetDiff } from '../../../src/pipeline/diff/diff-model.js';

function metrics(images: number, frameDropRatio: number): RunMetrics {
  return { images, frameDropRatio, detections: { total: 7 } } as unknown as RunMetrics;
}

describe('outputs', () => {
  test('paths are relative to the workspace, with "/"', () => {
    expect(workspacePath('/ws/dataset', '/ws')).toBe('dataset');
    expect(workspacePath('/ws/a/b/instances.json', '/ws')).toBe('a/b/instances.json');
    expect(workspacePath('/ws', '/ws')).toBe('.');
    expect(workspacePath('/elsewhere/dataset', '/ws')).toBe('/elsewhere/dataset');
    expect(workspacePath('/ws/..in/dataset', '/ws')).toBe('..in/dataset');
    expect(workspacePath('/ws-other/dataset', '/ws')).toBe('/ws-other/dataset');
    expect(workspacePath('/ws/..data/x', '/ws')).toBe('..data/x');
  });

  test('every output has a value', () => {
    const result = {
      metrics: metrics(30, 0.125),
      outDir: '/ws/dataset',
      files: {
        coco: '/ws/dataset/annotations/instances.json',
        images: '/ws/dataset/images',
        metrics: '/ws/dataset/metrics.json',
        metricsCsv: '/ws/dataset/metrics.csv',
        report: '/ws/dataset/report.md',
        reportHtml: '/ws/dataset/report.html',
        prometheus: '/ws/dataset/metrics.prom',
        manifest: '/ws/dataset/manifest.json',
      },
    };
    expect(actionOutputs(result, '/ws', { id: 17, url: 'https://x/17' })).toEqual({
      [Output.ImageCount]: '30',
      [Output.DetectionCount]: '7',
      [Output.DropRatio]: '0.125',
      [Output.DatasetDir]: 'dataset',
      [Output.CocoPath]: 'dataset/annotations/instances.json',
      [Output.ReportPath]: 'dataset/report.md',
      [Output.ManifestPath]: 'dataset/manifest.json',
      [Output.ArtifactId]: '17',
      [Output.ArtifactUrl]: 'https://x/17',
      [Output.DiffVerdict]: 'none',
      [Output.DiffHeadline]: '',
      [Output.DiffCounts]: '',
    });
    expect(actionOutputs(result, '/ws', null)).toMatchObject({ [Output.ArtifactId]: '', [Output.ArtifactUrl]: '' });
  });

  test('with a diff: its verdict, headline and counts as compact JSON', () => {
    const diff = {
      verdict: 'changed',
      headline: 'images 120 → 96 (-20 %), detections 840 → 702',
      frames: { kept: { before: 120, after: 96 } },
      frameChanges: { added: [{}, {}, {}], removed: new Array<unknown>(27).fill({}), changed: new Array<unknown>(11).fill({}) },
      detections: { total: { before: 840, after: 702 }, lost: ['truck'] },
    } as unknown as DatasetDiff;
    const outputs = actionOutputs(
      { metrics: metrics(96, 0), outDir: '/ws/d', files: { coco: '/ws/d/c', report: '/ws/d/r', manifest: '/ws/d/m' } } as never,
      '/ws',
      null,
      diff,
    );
    expect(outputs[Output.DiffVerdict]).toBe('changed');
    expect(outputs[Output.DiffHeadline]).toBe('images 120 → 96 (-20 %), detections 840 → 702');
    expect(outputs[Output.DiffCounts]).toBe(
      '{"images":{"before":120,"after":96},"frames":{"added":3,"removed":27,"changed":11},"detections":{"before":840,"after":702},"classesLost":["truck"]}',
    );
  });
});
