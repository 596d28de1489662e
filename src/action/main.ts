/** Entry point of the Docker action (see action.yml and run.ts). A cancelled job (SIGTERM) stops the run cleanly. */
import { fail, run } from './run.js';

const cancel = new AbortController();
process.once('SIGTERM', () => cancel.abort(new Error('the job was cancelled')));
run({ signal: cancel.signal }).catch(fail);
