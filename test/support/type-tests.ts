// Where the global setup (test/setup/type-tests.ts) leaves the compiler's verdict on the type tests.

/** Set by the global setup to the JSON file the compiler's result is written to when it ends. */
export const TYPE_TESTS_ENV = 'PROACTIVE_EVENTS_TEST_TYPE_RESULT';

/** The tsconfig of the type tests: the repository's options, test/**\/*.test-d.ts as the roots. */
export const typeTestsConfig = 'tsconfig.type-tests.json';

export interface TypeTestsResult {
  code: number | null;
  signal?: string | null;
  output: string;
}
