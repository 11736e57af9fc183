import type { Input } from '@shared/contract'
import { meetingFieldsInput } from '@shared/contract/meetings'
import type { Meeting, MeetingType, Resolution } from '@shared/meetings'
import type { FieldIssue } from '@shared/result'
import { schemaIssues } from '../../composables/field-errors'
import type { Line } from './AttendanceTable.vue'

/** What the meeting dialog edits, apart from its resolutions and attendance lines. */
export const EMPTY_MEETING = {
  organizationId: null as number | null,
  types: [] as MeetingType[],
  title: '',
  heldOn: '',
  startTime: null as string | null,
  endTime: null as string | null,
  place: '',
  host: '',
  recorder: '',
  lecturer: '',
  observers: '',
  agenda: '',
  discussion: '',
  minutes: '',
  expectedCount: null as number | null,
  presentCount: null as number | null,
}
export type MeetingForm = typeof EMPTY_MEETING

/** Everything the clerk typed, as the draft keeps it and the unsaved-changes check compares it. */
export interface MeetingDraft {
  form: MeetingForm
  resolutions: Resolution[]
  attendance: Line[]
}

/** The form as a record's fields were saved. */
export function formOf(m: Meeting): MeetingForm {
  const out = { ...EMPTY_MEETING } as Record<string, unknown>
  for (const k of Object.keys(EMPTY_MEETING)) out[k] = (m as unknown as Record<string, unknown>)[k] ?? (EMPTY_MEETING as Record<string, unknown>)[k]
  return out as MeetingForm
}

/**
 * What is sent to meetings.create / meetings.update. Missing choices are sent as missing (no党组织, no date), so
 * the contract's own words come back: 请选择党组织, 请填写会议日期.
 */
export function fieldsOf(d: MeetingDraft): Input<'meetings.create'> {
  const { form } = d
  return {
    ...form,
    organizationId: form.organizationId ?? 0,
    heldOn: (form.heldOn || null) as string,
    // with an attendance list the counts come from it; without one (台账, 党委会) the clerk types them
    expectedCount: d.attendance.length ? null : form.expectedCount,
    presentCount: d.attendance.length ? null : form.presentCount,
    resolutions: d.resolutions,
    attendance: d.attendance.length ? d.attendance.map(({ memberId, status, reason }) => ({ memberId, status, reason })) : null,
  }
}

/** The record checked with the backend's own schema (shared/contract/meetings.ts), field by field. */
export const meetingIssues = (d: MeetingDraft): FieldIssue[] => schemaIssues(meetingFieldsInput, fieldsOf(d))

/** The fields the dialog shows a message under: the form's own, each resolution's text and votes. */
export const meetingField = (f: string): boolean => f in EMPTY_MEETING || f === 'resolutions' || f === 'attendance' || /^resolutions\.\d+\.(text|yes|no|abstain)$/.test(f)
