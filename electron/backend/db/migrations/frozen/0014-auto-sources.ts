/**
 * What migration 0014 used, frozen here so that later changes to the live example (shared/assessment-example.ts,
 * EXAMPLE_ANNOTATIONS) never change what a shipped migration does to an older database.
 */

/** the auto-filled sources the example's indicators gained in 0014: 换届 (setup) and 支委会 (team) */
export const EXAMPLE_SOURCES_0014: Record<string, string> = {
  setup: 'termOnTime',
  team: 'committee',
}

/** the part of a stored scheme definition 0014 reads and writes */
export interface SchemeDefinition0014 {
  dimensions: { indicators: { key: string; source?: string }[] }[]
}
