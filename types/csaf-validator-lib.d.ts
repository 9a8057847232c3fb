// Types for the parts of @secvisogram/csaf-validator-lib (BSI's CSAF validator, MIT, plain
// JavaScript) that the advisory exports use: the CWE catalogue CSAF test 6.1.11 checks names
// against, and the CSAF 2.0 mandatory tests (section 6.1 of the standard).
declare module '@secvisogram/csaf-validator-lib/cwe.js' {
  export const weaknesses: readonly { id: string; name: string }[];
}

declare module '@secvisogram/csaf-validator-lib/mandatoryTests.js' {
  const tests: Record<string, (document: unknown) => unknown>;
  export = tests;
}

/** Section 6.2 (recommended tests; the library calls them optional). */
declare module '@secvisogram/csaf-validator-lib/optionalTests.js' {
  const tests: Record<string, (document: unknown) => unknown>;
  export = tests;
}

/** Section 6.3 (informative tests; 6.3.6 and 6.3.7 send HTTP requests). */
declare module '@secvisogram/csaf-validator-lib/informativeTests.js' {
  const tests: Record<string, (document: unknown) => unknown>;
  export = tests;
}

declare module '@secvisogram/csaf-validator-lib/validate.js' {
  export interface CsafTestResult {
    name: string;
    isValid: boolean;
    errors: { message: string; instancePath: string }[];
    warnings: { message: string; instancePath: string }[];
    infos?: { message: string; instancePath: string }[];
  }
  export default function validate(tests: ((document: unknown) => unknown)[], document: unknown): Promise<{ isValid: boolean; tests: CsafTestResult[] }>;
}
