import type { Migration } from './index'

/**
 * A 考评指标体系 received from the higher committee (docs/exchange.md §5.8) says so: the 上级's name and the package
 * it came in. Not derivable from anything else (the hospital may hold a scheme of the same name and year of its own).
 */
export const m0027SchemeOrigin: Migration = {
  version: 27,
  name: 'scheme-origin',
  up(db) {
    db.exec(`
      ALTER TABLE assessment_schemes ADD COLUMN from_unit TEXT;
      ALTER TABLE assessment_schemes ADD COLUMN from_package TEXT;
    `)
  },
}
