import type { z } from 'zod'
import type { memberCreateInput, MemberDetail } from '../../shared/contract/members'
import { ageByMonth, birthMonthOf } from '../../shared/birth-month'
import { todayLocal } from '../../shared/dates'
import { isPartyMember, type Member, type MemberFields } from '../../shared/members'
import { invalid, notFound } from '../../shared/result'
import { maskAddress, maskIdNumber, maskPhone } from '../../shared/rules/id-number'
import { checkLifecycle, dueItems, partyAge, stageOn } from '../../shared/rules/membership'
import { isBranchType } from '../../shared/organizations'
import { filledFields, recordAudit } from '../audit'
import type { CallContext } from '../context'
import { findOrganization } from '../organizations/repository'
import { readSettings } from '../settings'
import { markRevocable } from './changes'
import * as repo from './repository'
import { validateMember, type MemberFieldsInput } from './validate'

const now = (ctx: CallContext) => ctx.now().toISOString()
const today = (ctx: CallContext) => todayLocal(ctx.now())

export function requireMember(ctx: CallContext, id: number): Member {
  const m = repo.findMember(ctx.db, id)
  if (!m) throw notFound('该人员')
  return m
}

export function requireBranch(ctx: CallContext, organizationId: number): void {
  const org = findOrganization(ctx.db, organizationId)
  if (!org) throw invalid('所选党组织不存在', 'organizationId')
  if (org.status !== 'active') throw invalid(`“${org.name}”已撤销，不能接收人员`, 'organizationId')
  if (!isBranchType(org.type)) throw invalid(`党员的组织关系应在党支部，“${org.name}”是${org.type === 'party_group' ? '党小组' : '上级党组织'}`, 'organizationId')
}

/**
 * The record as screens see it: sensitive fields masked, ages computed, timeline and what is due. With an ID
 * number on file the birth date goes out as its month only (birthMonth): beside the masked ID the exact date
 * would give the ID away (shared/birth-month.ts). A person without an ID number keeps their exact birth date —
 * there is no ID to rebuild, and the form must show the date it will save.
 */
export function memberDetail(ctx: CallContext, id: number, warnings: { field: string; message: string }[] = []): MemberDetail {
  const m = requireMember(ctx, id)
  const t = today(ctx)
  const settings = readSettings(ctx.db)
  const memberships = ctx.db
    .prepare('SELECT o.name AS organizationName, s.from_date AS fromDate, s.to_date AS toDate FROM memberships s JOIN organizations o ON o.id = s.organization_id WHERE s.member_id = ? ORDER BY s.from_date, s.id')
    .all(id) as MemberDetail['memberships']
  const current = checkLifecycle(m, m.birthDate, t, settings, false).filter((i) => i.level === 'warning')
  return {
    member: { ...m, idNumber: maskIdNumber(m.idNumber), birthDate: m.idNumber ? null : m.birthDate, phone: maskPhone(m.phone), address: maskAddress(m.address) },
    birthMonth: birthMonthOf(m.birthDate),
    age: m.birthDate ? ageByMonth(birthMonthOf(m.birthDate)!, t) : null,
    partyAge: partyAge(m.convertedOn, m.partyAgeCorrection, t),
    events: markRevocable(ctx.db, id, repo.listEvents(ctx.db, id)),
    memberships,
    warnings: [...warnings, ...current.filter((c) => !warnings.some((w) => w.message === c.message))],
    due: m.status === 'normal' ? dueItems({ ...m, lastAssessedOn: repo.lastAssessedOn(ctx.db, id) }, t, settings) : [],
  }
}

/** A new person on the roster: a new applicant, a member transferred in, or a member recorded from paper. */
export function createMember(ctx: CallContext, input: z.output<typeof memberCreateInput>): MemberDetail {
  const { id, warnings } = insertPerson(ctx, input)
  return memberDetail(ctx, id, warnings)
}

/** Validates and writes a new person; returns the rule warnings for the screen. */
export function insertPerson(ctx: CallContext, input: z.output<typeof memberCreateInput>): { id: number; warnings: { field: string; message: string }[] } {
  requireBranch(ctx, input.organizationId)
  const { fields, warnings } = validateMember(ctx, input.fields, null)
  return { id: writePerson(ctx, input.organizationId, fields, input.transferIn), warnings }
}

/** The dated steps of the membership pipeline, each of which becomes a timeline event when a person is recorded. */
const STEPS_TAKEN: [keyof MemberFields & ('appliedOn' | 'activistOn' | 'candidateOn' | 'joinedOn' | 'convertedOn'), 'applied' | 'activist' | 'candidate' | 'admitted' | 'converted'][] = [
  ['appliedOn', 'applied'],
  ['activistOn', 'activist'],
  ['candidateOn', 'candidate'],
  ['joinedOn', 'admitted'],
  ['convertedOn', 'converted'],
]

/**
 * The write itself, for fields `validateMember` has already accepted (the Excel import validates every row in
 * its preview and writes thousands of them; validating twice would double the work).
 */
export function writePerson(ctx: CallContext, organizationId: number, fields: MemberFields, transferIn: z.output<typeof memberCreateInput>['transferIn']): number {
  const [at, on] = [now(ctx), today(ctx)]
  const stage = stageOn(fields, on)
  if (!stage) throw invalid('请至少填写申请入党日期（入党申请人），或入党日期（党员）', 'appliedOn')
  if (transferIn && !isPartyMember(stage)) throw invalid('组织关系转入的应是党员：请填写入党日期')
  const id = repo.insertMember(ctx.db, fields, stage, organizationId, at)
  const from = transferIn?.date ?? fields.appliedOn ?? fields.joinedOn ?? on
  repo.openMembership(ctx.db, id, organizationId, from)
  if (transferIn) {
    const t = transferIn
    repo.insertEvent(ctx.db, id, { type: 'transfer_in', occurredOn: t.date, organizationId, otherOrganization: t.fromOrganization, letterNo: t.letterNo, duesPaidTo: t.duesPaidTo }, ctx.user, at)
  } else {
    // the steps already taken become the first events of the timeline
    for (const [field, type] of STEPS_TAKEN) {
      const d = fields[field]
      if (d) repo.insertEvent(ctx.db, id, { type, occurredOn: d, organizationId }, ctx.user, at)
    }
  }
  recordAudit(ctx, { entity: 'member', entityId: id, before: null, after: Object.assign(filledFields(fields), { stage, organizationId }) })
  return id
}

export function updateMember(ctx: CallContext, id: number, input: MemberFieldsInput): MemberDetail {
  const before = requireMember(ctx, id)
  // a masked value sent back unchanged keeps the stored one
  const keep = (v: string | null, masked: string | null, stored: string | null) => (v !== null && v === masked ? stored : v)
  const idNumber = keep(input.idNumber, maskIdNumber(before.idNumber), before.idNumber)
  // the ID kept as it was masked: the birth date is the ID's own (a date sent with it is not taken — answering
  // “does not match” would confirm or refute a guess at the hidden digits), and no message names the exact day
  const idKept = before.idNumber !== null && input.idNumber === maskIdNumber(before.idNumber)
  const merged = {
    ...input,
    idNumber,
    birthDate: idKept ? null : input.birthDate,
    phone: keep(input.phone, maskPhone(before.phone), before.phone),
    address: keep(input.address, maskAddress(before.address), before.address),
  }
  const { fields, warnings } = validateMember(ctx, merged, id, { birthDayKnown: !idKept })
  const stage = stageOn(fields, today(ctx)) ?? before.stage
  repo.updateFields(ctx.db, id, fields, stage, now(ctx))
  repo.insertEvent(ctx.db, id, { type: 'edited', occurredOn: today(ctx), organizationId: before.organizationId }, ctx.user, now(ctx))
  recordAudit(ctx, { entity: 'member', entityId: id, before, after: repo.findMember(ctx.db, id) })
  return memberDetail(ctx, id, warnings)
}

/** The unmasked value, on deliberate request; the look is audited (docs/rules.md §9). */
export function revealField(ctx: CallContext, id: number, field: 'idNumber' | 'phone' | 'address'): { value: string | null } {
  const m = requireMember(ctx, id)
  recordAudit(ctx, { entity: 'member', entityId: id, before: null, after: { revealed: field } })
  return { value: m[field] }
}
