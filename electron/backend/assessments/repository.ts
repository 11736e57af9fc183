import type { Database } from 'better-sqlite3'
import type { EvidenceFile, SchemeRow } from '../../shared/contract/assessments'
import type { RatingRules } from '../../shared/rules/ratings'
import { finalScore, isLocked, latestScore, type ReviewState } from '../../shared/rules/review-chain'
import type { Scheme, ScoreSheet } from '../../shared/rules/scoring'
import { notFound } from '../../shared/result'
import type { CallContext } from '../context'

/** SQL of the assessment area: schemes, rounds and entries. JSON columns hold the tree and the review history. */
interface SchemeDbRow {
  id: number
  name: string
  year: number
  version: number
  definition_json: string
  is_example: number
  archived_on: string | null
  used_by: number
  from_unit: string | null
}

const SCHEME_SQL = 'SELECT s.*, (SELECT count(*) FROM assessment_rounds r WHERE r.scheme_id = s.id) AS used_by FROM assessment_schemes s'

/** Ids of the schemes that are the example or were copied from it, however many copies back. */
function fromExampleIds(db: Database): Set<number> {
  const rows = db.prepare('SELECT id, based_on AS basedOn, is_example AS example FROM assessment_schemes').all() as { id: number; basedOn: number | null; example: number }[]
  const byId = new Map(rows.map((r) => [r.id, r]))
  const out = new Set<number>()
  for (const r of rows) {
    const seen = new Set<number>()
    for (let at: typeof r | undefined = r; at && !seen.has(at.id); at = at.basedOn === null ? undefined : byId.get(at.basedOn)) {
      seen.add(at.id)
      if (at.example) out.add(r.id)
    }
  }
  return out
}

const schemeOf = (r: SchemeDbRow, examples: Set<number>): SchemeRow => ({
  id: r.id,
  name: r.name,
  year: r.year,
  version: r.version,
  isExample: r.is_example === 1,
  fromExample: examples.has(r.id),
  archived: r.archived_on !== null,
  usedBy: r.used_by,
  fromUnit: r.from_unit,
  scheme: JSON.parse(r.definition_json) as Scheme,
})

export function listSchemes(db: Database): SchemeRow[] {
  const examples = fromExampleIds(db)
  return (db.prepare(`${SCHEME_SQL} ORDER BY s.year DESC, s.name, s.version DESC`).all() as SchemeDbRow[]).map((r) => schemeOf(r, examples))
}

export function getScheme(db: Database, id: number): SchemeRow {
  const r = db.prepare(`${SCHEME_SQL} WHERE s.id = ?`).get(id) as SchemeDbRow | undefined
  if (!r) throw notFound('该指标体系')
  return schemeOf(r, fromExampleIds(db))
}

export function nextVersion(db: Database, year: number, name: string): number {
  return ((db.prepare('SELECT max(version) FROM assessment_schemes WHERE year = ? AND name = ?').pluck().get(year, name) as number | null) ?? 0) + 1
}

/** `from`: the higher committee and its package, for a scheme received (docs/exchange.md §5.8) */
export function insertScheme(ctx: CallContext, s: Scheme, version: number, basedOn: number | null, from: { unit: string; packageId: string } | null = null): number {
  const at = ctx.now().toISOString()
  return Number(
    ctx.db
      .prepare('INSERT INTO assessment_schemes (name, year, version, definition_json, is_example, based_on, created_at, updated_at, from_unit, from_package) VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?)')
      .run(s.name, s.year, version, JSON.stringify(s), basedOn, at, at, from?.unit ?? null, from?.packageId ?? null).lastInsertRowid,
  )
}

export function updateScheme(ctx: CallContext, id: number, s: Scheme): void {
  ctx.db.prepare('UPDATE assessment_schemes SET name = ?, year = ?, definition_json = ?, updated_at = ? WHERE id = ?').run(s.name, s.year, JSON.stringify(s), ctx.now().toISOString(), id)
}

export function setArchived(ctx: CallContext, id: number, archived: boolean): void {
  ctx.db.prepare('UPDATE assessment_schemes SET archived_on = ?, updated_at = ? WHERE id = ?').run(archived ? ctx.now().toISOString().slice(0, 10) : null, ctx.now().toISOString(), id)
}

export interface RoundRow {
  id: number
  scheme_id: number
  name: string
  period: string
  period_from: string | null
  period_to: string | null
  stages_json: string
  rating_json: string
}

export function getRound(db: Database, id: number): RoundRow & { stages: string[]; rating: RatingRules } {
  const r = db.prepare('SELECT * FROM assessment_rounds WHERE id = ?').get(id) as RoundRow | undefined
  if (!r) throw notFound('该考评')
  return { ...r, stages: JSON.parse(r.stages_json) as string[], rating: JSON.parse(r.rating_json) as RatingRules }
}

export interface EntryRow {
  organizationId: number
  organizationName: string
  sheet: ScoreSheet
  notes: Record<string, string>
  review: ReviewState
}

export function listEntries(db: Database, roundId: number): EntryRow[] {
  const rows = db
    .prepare('SELECT e.organization_id, o.name AS org_name, e.sheet_json, e.notes_json, e.review_json FROM assessment_entries e JOIN organizations o ON o.id = e.organization_id WHERE e.round_id = ? ORDER BY o.sort_order, o.id')
    .all(roundId) as { organization_id: number; org_name: string; sheet_json: string; notes_json: string; review_json: string }[]
  return rows.map((e) => ({ organizationId: e.organization_id, organizationName: e.org_name, sheet: JSON.parse(e.sheet_json) as ScoreSheet, notes: JSON.parse(e.notes_json) as Record<string, string>, review: JSON.parse(e.review_json) as ReviewState }))
}

export function getEntry(db: Database, roundId: number, organizationId: number): EntryRow {
  const e = listEntries(db, roundId).find((x) => x.organizationId === organizationId)
  if (!e) throw notFound('该支部的考评记录')
  return e
}

/** Writes an entry; the score in force and the approval flag follow the review so dashboards can aggregate in SQL. */
export function saveEntry(db: Database, roundId: number, organizationId: number, e: { sheet: ScoreSheet; notes: Record<string, string>; review: ReviewState }): void {
  db.prepare('UPDATE assessment_entries SET sheet_json = ?, notes_json = ?, review_json = ?, score = ?, approved = ? WHERE round_id = ? AND organization_id = ?').run(
    JSON.stringify(e.sheet),
    JSON.stringify(e.notes),
    JSON.stringify(e.review),
    finalScore(e.review) ?? latestScore(e.review),
    isLocked(e.review) ? 1 : 0,
    roundId,
    organizationId,
  )
}

/** 佐证材料 of every entry of a round, by branch. */
export function evidenceOf(db: Database, roundId: number): Map<number, EvidenceFile[]> {
  const rows = db
    .prepare('SELECT id, organization_id, indicator_key, file_name, size, created_at, created_by FROM assessment_evidence WHERE round_id = ? ORDER BY id')
    .all(roundId) as { id: number; organization_id: number; indicator_key: string; file_name: string; size: number; created_at: string; created_by: string }[]
  const out = new Map<number, EvidenceFile[]>()
  for (const r of rows) out.set(r.organization_id, [...(out.get(r.organization_id) ?? []), { id: r.id, key: r.indicator_key, fileName: r.file_name, size: r.size, createdAt: r.created_at, by: r.created_by }])
  return out
}
