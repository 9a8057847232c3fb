// `node --import ./test/helpers/module-recorder.mjs …` appends the URL of every ES module the
// process loads to the file named by $EMBARGO_MODULE_LOG: the lazy-loading test reads it to
// prove that a command did not load openpgp, the CSAF validator or zxcvbn.
import { register } from 'node:module';

register('./module-recorder-hooks.mjs', import.meta.url);
