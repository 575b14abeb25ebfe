/** The service's explicit limits; each has its own problem response and is listed on /docs. */
export const LIMITS = {
  /** Request body, bytes (413 beyond). */
  bodyBytes: 256 * 1024,
  /** Query string, characters (414 beyond). */
  queryChars: 4096,
  /** Scenarios in one comparison (400/422 beyond). */
  scenariosPerComparison: 20,
  /** Inline scenarios in one POST (422 beyond). */
  inlineScenarios: 10,
  /** Inline sources in one POST (422 beyond). */
  inlineSources: 200,
  /** Field errors listed in one problem; `errorCount` gives the total. */
  problemErrors: 50,
  /** Characters of a problem's detail. */
  problemDetailChars: 1000,
  /** Valid ids listed in one problem. */
  problemValidIds: 100,
  /** Revisions one saved scenario may have (409 beyond). */
  savedRevisions: 100,
  /** Creates, updates and deletes of saved scenarios per client per minute (429 beyond; wrangler.toml). */
  savedWritesPerMinute: 30,
} as const;
