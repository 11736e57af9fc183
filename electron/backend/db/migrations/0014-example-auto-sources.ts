import { EXAMPLE_ANNOTATIONS } from '../../../shared/assessment-example'
import type { Scheme } from '../../../shared/rules/scoring'
import type { Migration } from './index'

/**
 * The shipped example's 换届 and 支委会 indicators are filled by 自动取数 too (issue 24: they were left empty although
 * the organization's term and its committee are recorded). Data only, no score changes; copies already made keep
 * their own definition (the scheme editor can add the source to a copy not yet used).
 */
export const m0014ExampleAutoSources: Migration = {
  version: 14,
  name: 'example-auto-sources',
  up(db) {
    const example = db.prepare('SELECT id, definition_json FROM assessment_schemes WHERE is_example = 1').all() as { id: number; definition_json: string }[]
    for (const row of example) {
      const s = JSON.parse(row.definition_json) as Scheme
      for (const d of s.dimensions) for (const i of d.indicators) if (!i.source && EXAMPLE_ANNOTATIONS[i.key]?.source) i.source = EXAMPLE_ANNOTATIONS[i.key]!.source
      db.prepare('UPDATE assessment_schemes SET definition_json = ? WHERE id = ?').run(JSON.stringify(s), row.id)
    }
  },
}
