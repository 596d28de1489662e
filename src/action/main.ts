/** Entry point of the Docker action (see action.yml and run.ts). A cancelled job (SIGTERM) stops the run cleanly (exit 143). */
import { InterruptedError } from '../errors.js';
import { fail, run } from './run.js';

const cancel = new AbortController();
process.once('SIGTERM', () => cancel.abort(new InterruptedError('the job was cancelled (SIGTERM)', 'SIGTERM')));
run({ signal: cancel.signal }).catch(fail);
