/**
 * After the dataset is in place: append the run to the history CSV and push its metrics to a
 * Pushgateway. Neither can undo a finished dataset, so their failures are warnings.
 */
import type { Registry } from 'prom-client';

import type { Options } from '../../domain/run-options.js';
import { messageOf } from '../../errors.js';
import { appendRunHistory } from '../../observe/history.js';
import type { Logger } from '../../observe/log.js';
import type { RunMetrics } from '../../observe/metrics-contract.js';
import { pushMetrics } from '../../observe/pushgateway.js';
import type { RunManifest } from './manifest.js';

export async function publishRun(
  options: Pick<Options, 'historyCsv' | 'pushgatewayUrl' | 'site'>,
  metrics: RunMetrics,
  manifest: RunManifest,
  registry: Registry,
  logger: Logger,
  signal?: AbortSignal,
): Promise<void> {
  if (options.historyCsv) {
    try {
      const appended = await appendRunHistory(options.historyCsv, metrics, manifest);
      logger.info(`run appended to ${appended.file}${appended.wroteHeader ? ' (new file)' : ''}`);
    } catch (error) {
      logger.warn(`The run was not added to the history: ${messageOf(error)}`);
    }
  }
  if (options.pushgatewayUrl) {
    const pushed = await pushMetrics(registry, { url: options.pushgatewayUrl, site: options.site, signal });
    if (pushed.warning) logger.warn(pushed.warning);
    else logger.info(`metrics pushed to ${pushed.url} in ${pushed.ms} ms`);
  }
}
