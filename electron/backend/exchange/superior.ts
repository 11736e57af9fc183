import type { Database } from 'better-sqlite3'
import type { z } from 'zod'
import { PACKAGE_STATUS_LABELS, REPORT_KINDS, type KnownUnit } from '../../shared/exchange'
import { STATISTICS_LINES, STATISTICS_SUB_LABELS } from '../../shared/statistics-lines'
import { REPORT_STATUS_LABELS, type CitySums, type ReceivedRound, type ReceivedSupervision, type ReportCell, type ReportStatus, type SumRow, type UnitReport } from '../../shared/superior'
import type { assessmentPart } from './kinds/assessment'
import type { Decision } from './kinds/decision'
import type { SupervisionReport } from './kinds/supervision'
import { openPackage } from './package-file'
import { listUnits, type StoredPackage } from './repository'

/**
 * The 上级 workspace (docs/exchange.md §12), read from the packages the imports kept (§7): only the package in
 * force for each sender and subject counts — one a hospital replaced by a newer one is history.
 */
type Results = z.infer<typeof assessmentPart>
type Statistics = { year: number; asOf: string; statistics: Record<string, unknown> }

const inForce = (db: Database, kind: string): StoredPackage[] =>
  db.prepare("SELECT * FROM exchange_packages WHERE direction = 'received' AND kind = ? AND superseded_by IS NULL ORDER BY from_name, id").all(kind) as StoredPackage[]
const partOf = <T>(p: StoredPackage, name: string): T => (JSON.parse(p.data_json) as Record<string, T>)[name]!

/** A round's year: the year its 考评期间 ends in (a round of 2025 may end on 2025-12-31 or be named “2025年度”). */
const roundYear = (r: Results['round']): number => Number((r.periodTo ?? r.period).slice(0, 4))

interface SentDecision {
  packageId: string
  status: StoredPackage['status']
  decisions: Decision['decisions']
  createdAt: string
}

/** The 审核决定 we sent, by the 考评结果 package each answers (read back from the very file sent). */
function sentDecisions(db: Database): Map<string, SentDecision> {
  const rows = db.prepare("SELECT package_id, status, created_at, content FROM exchange_packages WHERE direction = 'sent' AND kind = 'review-decision' ORDER BY sequence").all() as {
    package_id: string
    status: StoredPackage['status']
    created_at: string
    content: Buffer
  }[]
  const out = new Map<string, SentDecision>()
  for (const r of rows) {
    const d = openPackage(r.content).parts.get('decision.json') as Decision
    out.set(d.answers.packageId, { packageId: r.package_id, status: r.status, decisions: d.decisions, createdAt: r.created_at })
  }
  return out
}

/** 考评结果 received for rounds of the year, per hospital and round, each with the 审核决定 sent on it. */
export function receivedRounds(db: Database, year: number): ReceivedRound[] {
  const decisions = sentDecisions(db)
  return inForce(db, 'assessment-results').flatMap((p): ReceivedRound[] => {
    const data = partOf<Results>(p, 'assessment.json')
    if (roundYear(data.round) !== year) return []
    const d = decisions.get(p.package_id)
    const stages = data.round.stages
    return [
      {
        packageId: p.package_id,
        unitName: p.from_name,
        unitCode: p.from_code,
        name: data.round.name,
        period: data.round.period,
        stages,
        at: p.recorded_at,
        entries: data.entries.map((e) => ({ organizationUid: e.organizationUid, organizationName: e.organizationName, stage: e.stage, approved: e.approved, score: e.score, stars: e.stars, rank: e.rank })),
        waiting: stages.filter((s) => data.entries.some((e) => e.stage === s)),
        decision: d
          ? {
              packageId: d.packageId,
              status: d.status,
              statusText: PACKAGE_STATUS_LABELS[d.status],
              approved: d.decisions.filter((x) => x.result === 'approved').length,
              returned: d.decisions.filter((x) => x.result === 'returned').length,
              createdAt: d.createdAt,
            }
          : null,
      },
    ]
  })
}

/**
 * The units that report to this one: the trusted units, except those this unit itself reports to (it sent them a
 * 年度统计, 考评结果, 组织生活达标 or 督办情况) — at a hospital its 局党办 is not a unit that owes it a report.
 */
function reportingUnits(db: Database): KnownUnit[] {
  const above = new Set(db.prepare(`SELECT DISTINCT to_code FROM exchange_packages WHERE direction = 'sent' AND kind IN (SELECT value FROM json_each(?))`).pluck().all(JSON.stringify(REPORT_KINDS)) as string[])
  return listUnits(db).filter((u) => !above.has(u.unitCode))
}

const cell = (status: ReportStatus, at: string | null): ReportCell => ({ status, statusText: REPORT_STATUS_LABELS[status], at })

/** Every trusted unit × the kinds it reports for the year: 未报, 已报, and for a round what became of our 审核决定. */
export function reportStatus(db: Database, year: number): UnitReport[] {
  const byYear = (kind: string) => new Map(inForce(db, kind).filter((p) => p.subject === String(year)).map((p) => [p.from_code, p]))
  const statistics = byYear('annual-statistics')
  const compliance = byYear('organizational-life')
  const supervision = byYear('supervision-report')
  const rounds = receivedRounds(db, year)
  const of = (p: StoredPackage | undefined) => (p ? cell('reported', p.recorded_at) : cell('missing', null))
  return reportingUnits(db).map((u) => ({
    unitName: u.unitName,
    unitCode: u.unitCode,
    statistics: of(statistics.get(u.unitCode)),
    compliance: of(compliance.get(u.unitCode)),
    supervision: of(supervision.get(u.unitCode)),
    rounds: rounds
      .filter((r) => r.unitCode === u.unitCode)
      .map((r) => ({ name: r.name, ...cell(!r.decision ? 'reported' : r.decision.status === 'receipted' ? 'receipted' : 'decided', r.at) })),
  }))
}

/** `{ a: 1, b: { c: 2 } }` → [['a', 1], ['b.c', 2]]: the numbers of a statistics object by path (texts such as asOf are not summed) */
function leaves(value: unknown, prefix = ''): [string, number][] {
  if (typeof value === 'number') return [[prefix, value]]
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
}

function lineOf(key: string): { group: string; label: string } {
  const [head, ...rest] = key.split('.')
  const known = STATISTICS_LINES[head!]
  const sub = rest.map((r) => STATISTICS_SUB_LABELS[r] ?? r).join('·')
  return { group: known?.group ?? head!, label: sub || known?.label || head! }
}

/**
 * The received 年度党内统计 of a year side by side, one column per hospital in the order of `units`, and their 合计:
 * the city-wide tables. Every line any hospital's package has is shown; a hospital whose package lacks it (an
 * older version) shows no figure there, and the 合计 adds what there is.
 */
export function citySums(db: Database, year: number): CitySums {
  const received = inForce(db, 'annual-statistics').filter((p) => p.subject === String(year))
  const units = received.map((p) => {
    const s = partOf<Statistics>(p, 'statistics.json')
    return { unitName: p.from_name, unitCode: p.from_code, asOf: s.asOf, packageId: p.package_id, at: p.recorded_at, figures: new Map(leaves(s.statistics)) }
  })
  const keys = [...new Set(units.flatMap((u) => [...u.figures.keys()]))]
  const rows: SumRow[] = keys.map((key) => {
    const values = units.map((u) => u.figures.get(key) ?? null)
    return { key, ...lineOf(key), values, total: values.reduce<number>((sum, v) => sum + (v ?? 0), 0) }
  })
  // lines of one group together, in the order the groups first appear
  const groups = [...new Set(rows.map((r) => r.group))]
  rows.sort((a, b) => groups.indexOf(a.group) - groups.indexOf(b.group))
  const reported = new Set(units.map((u) => u.unitCode))
  return {
    year,
    units: units.map(({ figures: _f, ...u }) => u),
    missing: reportingUnits(db)
      .filter((u) => !reported.has(u.unitCode))
      .map((u) => ({ unitName: u.unitName, unitCode: u.unitCode })),
    rows,
  }
}

/** The received 督办情况 of the year, one per hospital (docs/exchange.md §5.7, §12): its totals as it counted them. */
export function receivedSupervision(db: Database, year: number): ReceivedSupervision[] {
  return inForce(db, 'supervision-report')
    .filter((p) => p.subject === String(year))
    .map((p) => {
      const d = partOf<SupervisionReport>(p, 'supervision.json')
      return {
        unitName: p.from_name,
        unitCode: p.from_code,
        packageId: p.package_id,
        at: p.recorded_at,
        asOf: d.asOf,
        total: d.total,
        major: d.items.filter((i) => i.major).length,
        assigned: d.items.filter((i) => i.source === 'document').length,
        overdue: d.items.filter((i) => i.overdue).map((i) => i.title),
      }
    })
}
