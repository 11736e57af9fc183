/**
 * What each print needs. Sign-in sheets and notices have no fields for ID numbers, phones or addresses at all
 * (domain.md §8: never print them there), so no caller can put them in.
 */
/** The head of every meeting print: who met, as what, when and where. */
export interface MeetingHeader {
  unitName: string
  organizationName: string
  title: string
  types: string[]
  heldOn: string
  time: string | null
  place: string | null
  host: string | null
}

export interface SignInSheetData extends MeetingHeader {
  attendees: { name: string; note?: string | null }[]
  blankRows: number
}

export interface MinutesData extends MeetingHeader {
  recorder: string | null
  lecturer: string | null
  expected: number | null
  present: number | null
  absentees: { name: string; status: string; reason: string | null }[]
  observers: string | null
  agenda: string | null
  minutes: string | null
  discussion: string | null
  resolutions: { text: string; category: string | null; yes: number | null; no: number | null; abstain: number | null }[]
  quorum: string | null
}

export interface RosterData {
  unitName: string
  title: string
  asOf: string
  columns: { key: string; label: string }[]
  rows: Record<string, string | number | null>[]
  internal: boolean
}

export interface NoticePerson {
  name: string
  gender: string
  ethnicity: string | null
  /** year and month only (domain.md §8) */
  birthYearMonth: string | null
  education: string | null
  department: string | null
  title: string | null
  keyDate: string | null
}

export interface NoticeData {
  kind: '发展对象' | '预备党员' | '转正'
  issuer: string
  issuedOn: string
  periodFrom: string
  periodTo: string
  feedback: string
  people: NoticePerson[]
}
