import type { DuesPrintInput } from '@shared/contract/dues'
import type { PrintInput } from '@shared/contract/print'
import type { LocationQuery, LocationQueryRaw } from 'vue-router'

/**
 * The print preview's address says what to print: /print?what=signin&meetingId=3 and so on. Every screen that
 * has a 打印 button builds its link with `printQuery`, and the preview reads it back with `printInputOf`.
 */
const str = (v: unknown): string => (Array.isArray(v) ? String(v[0] ?? '') : String(v ?? ''))
const num = (v: unknown): number => Number(str(v))
const optional = (v: unknown): number | null => (str(v) ? num(v) : null)
const ids = (v: unknown): number[] => str(v).split(',').filter(Boolean).map(Number)

export function printQuery(input: PrintInput): LocationQueryRaw {
  const q: LocationQueryRaw = {}
  for (const [k, v] of Object.entries(input)) {
    if (v === null || v === undefined) continue
    q[k] = Array.isArray(v) ? v.join(',') : typeof v === 'object' ? JSON.stringify(v) : String(v)
  }
  return q
}

export function printInputOf(q: LocationQuery): PrintInput {
  switch (str(q.what)) {
    case 'signin':
      return { what: 'signin', meetingId: num(q.meetingId) }
    case 'minutes':
      return { what: 'minutes', meetingId: num(q.meetingId) }
    case 'signinBatch':
      return { what: 'signinBatch', month: str(q.month), organizationId: optional(q.organizationId) }
    case 'binder':
      return { what: 'binder', organizationId: num(q.organizationId), year: num(q.year) }
    case 'statistics':
      return { what: 'statistics', year: num(q.year) }
    case 'assessmentNotice':
      return { what: 'assessmentNotice', roundId: num(q.roundId), basis: str(q.basis) || null }
    case 'roster':
      return { what: 'roster', filters: q.filters ? (JSON.parse(str(q.filters)) as object) : { organizationId: optional(q.organizationId) }, columns: str(q.columns).split(',').filter(Boolean) }
    case 'notice':
      return {
        what: 'notice',
        kind: str(q.kind) as '发展对象',
        memberIds: ids(q.memberIds),
        periodFrom: str(q.periodFrom),
        periodTo: str(q.periodTo),
        feedback: str(q.feedback),
        issuer: str(q.issuer),
      }
    case 'supervisionUrge':
      return { what: 'supervisionUrge', id: num(q.id) }
    case 'meetingPlan':
      return { what: 'meetingPlan', organizationId: num(q.organizationId), year: num(q.year) }
    case 'supervisionReport':
      return { what: 'supervisionReport', month: str(q.month) }
    default:
      // the backend answers with a readable message for anything else
      return { what: str(q.what) } as unknown as PrintInput
  }
}

/** /dues/print?what=register&organizationId=3&month=2025-03, what=report&year=, what=notice&year=[&organizationId=], what=record&memberId=&year= */
export function duesPrintInputOf(q: LocationQuery): DuesPrintInput {
  const year = num(q.year)
  const showBase = str(q.showBase) === '1'
  switch (str(q.what)) {
    case 'register':
      return { what: 'register', organizationId: num(q.organizationId), month: str(q.month), showBase }
    case 'report':
      return { what: 'report', year }
    case 'notice':
      return { what: 'notice', year, organizationId: optional(q.organizationId) }
    default:
      return { what: 'record', memberId: num(q.memberId), year, showBase }
  }
}

/** Prints that gather many records run as a background job with a progress bar. */
export const isLong = (input: PrintInput): boolean => input.what === 'signinBatch' || input.what === 'binder'
