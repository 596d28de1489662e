/**
 * The run's reports, written into the staging folder from the one metrics model: metrics.json,
 * metrics.csv (a row per sampled frame), report.md, report.html (with its contact sheet under
 * report/) and metrics.prom (Prometheus text format).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Registry } from 'prom-client';

import { DATASET_FILES } from '../../domain/dataset-files.js';
import type { QualityGateVerdict } from '../../domain/quality-gates.js';
import type { NameOf } from '../../domain/run-options.js';
import { frameRowsCsv } from '../../observe/csv.js';
import type { RunMetrics } from '../../observe/metrics-contract.js';
import { buildPrometheusRegistry, renderPrometheus } from '../../observe/prometheus.js';
import type { RunRecord } from '../../observe/recorder.js';
import { writeHtmlReport } from '../../report/html.js';
import { renderMarkdownReport } from '../../report/markdown.js';
import type { RunManifest } from './manifest.js';

/** Writes the reports; returns the Prometheus registry so the run can push the same numbers. */
export async function writeReports(
  dir: string,
  recorder: RunRecord,
  metrics: RunMetrics,
  manifest: RunManifest,
  gates: readonly QualityGateVerdict[] = [],
  nameOf?: NameOf,
): Promise<Registry> {
  await writeFile(path.join(dir, DATASET_FILES.metrics), `${JSON.stringify(metrics, null, 2)}\n`);
  await writeFile(path.join(dir, DATASET_FILES.metricsCsv), frameRowsCsv(recorder.frames));
  const imageLinks = recorder.kept.slice(0, 4).map((k) => ({ href: `${DATASET_FILES.images}/${k.file}`, label: k.file }));
  await writeFile(path.join(dir, DATASET_FILES.report), renderMarkdownReport(metrics, { imageLinks, nameOf }));
  const chosen = new Set(metrics.selection?.picks.map((p) => p.file));
  const selected = metrics.selection ? recorder.kept.filter((k) => chosen.has(k.file)) : undefined;
  await writeHtmlReport(dir, { metrics, manifest, frames: recorder.frames, kept: recorder.kept, selected, gates, nameOf });
  const registry = buildPrometheusRegistry({
    metrics,
    manifest,
    detectionsPerImage: recorder.kept.map((k) => k.detections.length),
  });
  await writeFile(path.join(dir, DATASET_FILES.prometheus), await renderPrometheus(registry));
  return registry;
}
