/**
 * What each print needs — the print's own view models, independent of the database tables, so the templates
 * stay pure (data in → HTML out) and the backend assemblers in electron/backend/print/ fill them.
 *
 * docs/rules.md §8–§9: ID numbers, phones and addresses never appear on a 公示 or a 签到表. The person types of those
 * prints declare the sensitive keys as `never`, so TypeScript refuses any object that carries them (even a whole
 * member record passed by accident), and the templates check again at run time (see `refuseSensitive`).
 */

/** Keys that must never reach a notice or sign-in sheet, in any spelling the code base uses. */
export const SENSITIVE_KEYS = ['idNumber', 'id_number', 'phone', 'mobilePhone', 'telephone', 'address', 'homeAddress'] as const
type NoSensitive = { readonly [K in (typeof SENSITIVE_KEYS)[number]]?: never }

/** Options every print understands. */
export interface PrintOptions {
  /** "内部资料" in the top-left corner of the first page (internal reports, minutes, rosters) */
  internal?: boolean
}

export type SignInPerson = NoSensitive & {
  name: string
  /** e.g. 预备党员 (attends, does not vote), 列席 */
  note?: string | null
}

/** The head of every meeting print: who met, as what, when and where. */
export interface MeetingHeader {
  unitName: string
  organizationName: string
  title: string
  /** meeting type labels, e.g. [支部党员大会, 党课] — printed 支部党员大会暨党课 (typesTitle) */
  types: string[]
  heldOn: string
  time: string | null
  place: string | null
  host: string | null
}

/** 签到表 (docs/rules.md §8): title, meeting, time, place; 序号 / 姓名 / 签名 / 备注; blank rows for walk-ins; totals. */
export interface SignInSheetData extends MeetingHeader, PrintOptions {
  attendees: SignInPerson[]
  blankRows: number
}

export interface Absentee {
  name: string
  status: '请假' | '缺席'
  reason: string | null
}

export interface MinutesResolution {
  text: string
  /** 三重一大 category label, when it is one */
  category: string | null
  yes: number | null
  no: number | null
  abstain: number | null
}

/** 会议记录: header block, agenda, content, discussion, resolutions with votes, attendance, signatures. */
export interface MinutesData extends MeetingHeader, PrintOptions {
  recorder: string | null
  lecturer: string | null
  /** 应到 (voting members expected), 实到 (present); null when the record has neither list nor counts */
  expected: number | null
  present: number | null
  /** those present, by name (出席人员); null when the record has only counts */
  presentNames: string[] | null
  /** everyone on leave or absent, with the reason given */
  absentees: Absentee[]
  /** 列席 */
  observers: string | null
  agenda: string | null
  minutes: string | null
  discussion: string | null
  resolutions: MinutesResolution[]
  /** the quorum sentence, e.g. 到会人数超过应到会有表决权党员的半数，会议有效 */
  quorum: string | null
}

/** A roster column; the catalogue (ROSTER_COLUMNS in roster.ts) is fixed and has no sensitive columns. */
export interface RosterColumn {
  key: string
  label: string
  /** printed width in mm at 10.5 pt */
  width: number
  align?: 'center' | 'left'
}

export interface RosterData extends PrintOptions {
  unitName: string
  title: string
  /** what the list covers, e.g. 内科第一党支部（含下级组织）·正式党员 */
  scope: string | null
  asOf: string
  columns: RosterColumn[]
  rows: Record<string, string | number | null>[]
}

export type NoticeKind = '发展对象' | '预备党员' | '转正'

/** The dates a 公示 shows (labels depend on the kind; see notice.ts). */
export interface NoticeKeyDates {
  appliedOn?: string | null
  activistOn?: string | null
  candidateOn?: string | null
  joinedOn?: string | null
  probationEndsOn?: string | null
}

export type NoticePerson = NoSensitive & {
  name: string
  gender: string
  ethnicity: string | null
  /** year and month only, e.g. 1995年6月 (docs/rules.md §8) — never the full birth date */
  birthYearMonth: string | null
  education: string | null
  department: string | null
  title: string | null
  keyDates: NoticeKeyDates
}

/** 公示 for the bulletin board. */
export interface NoticeData {
  kind: NoticeKind
  /** e.g. 中共示范医院内科第一支部委员会 */
  issuer: string
  issuedOn: string
  periodFrom: string
  periodTo: string
  /** working days in the period, both ends counted (rules/working-days.ts) */
  workingDays: number
  /** where to send objections, e.g. 党委办公室（门诊楼三楼），电话 0000-1234567 — the office, never a member */
  feedback: string
  people: NoticePerson[]
}

export interface AttendanceLine {
  name: string
  /** meetings they were expected at this year */
  expected: number
  attended: number
  leave: number
  absent: number
}

/** 年度党支部工作记录汇编: cover, contents, every record in date order, attendance statistics. */
export interface BinderData {
  unitName: string
  branchName: string
  year: number
  meetings: MinutesData[]
  attendance: AttendanceLine[]
  /** first page of each meeting record, when measured (see binderPageNumbers); contents show 页码 then */
  startPages?: number[] | null
}
