/**
 * Entry point of the Docker action (see action.yml and run-action.ts). A cancelled job (SIGINT, then SIGTERM)
 * stops the run cleanly: exit 130 / 143, the staging folder kept for `resume` once a video is finished.
 */
import { InterruptedError } from '../errors.js';
import { fail, run } from './run-action.js';

const cancel = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => cancel.abort(new InterruptedError(`the job was cancelled (${signal})`, signal)));
}
run({ signal: cancel.signal }).catch(fail);
