import { EXAMPLE_SOURCES_0014 as SOURCES, type SchemeDefinition0014 as Scheme } from './frozen/0014-auto-sources'
import type { Migration } from './index'

/**
 * The shipped example's 换届 and 支委会 indicators are filled by 自动取数 too (they were left empty although
 * the organization's term and its committee are recorded). Data only, no score changes; copies already made keep
 * their own definition (the scheme editor can add the source to a copy not yet used). Uses only its frozen copy
 * (frozen/0014-auto-sources.ts), not today's EXAMPLE_ANNOTATIONS.
 */
export const m0014ExampleAutoSources: Migration = {
  version: 14,
  name: 'example-auto-sources',
  up(db) {
    const example = db.prepare('SELECT id, definition_json FROM assessment_schemes WHERE is_example = 1').all() as { id: number; definition_json: string }[]
    for (const row of example) {
      const s = JSON.parse(row.definition_json) as Scheme
      for (const d of s.dimensions) for (const i of d.indicators) if (!i.source && SOURCES[i.key]) i.source = SOURCES[i.key]
      db.prepare('UPDATE assessment_schemes SET definition_json = ? WHERE id = ?').run(JSON.stringify(s), row.id)
    }
  },
}
