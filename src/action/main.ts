/** Entry point of the Docker action (see action.yml and run.ts). */
import { fail, run } from './run.js';

run().catch(fail);
