import type { z } from 'zod'
import type { meetingListInput } from '../../shared/contract/meetings'
import type { MeetingRow, MeetingType } from '../../shared/meetings'
import type { CallContext } from '../context'
import { descendantIds } from '../organizations/repository'
import { charPhrase } from './char-tokens'
import { HEADCOUNT_SQL, headcountOf } from './headcount'

type ListInput = z.output<typeof meetingListInput>

/** A short piece of text around the first hit after the title (the list shows the title already). */
function snippet(body: string, title: string, q: string): string | null {
  const rest = body.startsWith(title) ? body.slice(title.length) : body
  const i = rest.indexOf(q)
  if (i < 0) return null
  return (i > 20 ? '…' : '') + rest.slice(Math.max(0, i - 20), i + q.length + 40).replace(/\s+/g, ' ').trim()
}

/** hits above which a page of results is found by walking the meetings in date order (measured on 100,000 meetings) */
const MANY_HITS = 2000

/**
 * Meetings list and full-text search over title, agenda, discussion, minutes and resolutions. FTS5's trigram
 * tokenizer answers queries of 3+ characters from its index; it silently finds nothing for 1–2 characters
 * (SQLite's documented trigram limit), so short queries scan the same text with instr().
 */
export function listMeetings(ctx: CallContext, f: ListInput): { total: number; rows: MeetingRow[] } {
  const where: string[] = ["m.status = 'active'"]
  const params: Record<string, unknown> = {}
  if (f.organizationId !== null) {
    // one json_each parameter: the statement's text is the same for every branch, so the statement cache stays small (db/open.ts)
    where.push('m.organization_id IN (SELECT value FROM json_each(@orgs))')
    params.orgs = JSON.stringify(descendantIds(ctx.db, f.organizationId))
  }
  if (f.type) {
    where.push('EXISTS (SELECT 1 FROM meeting_types t WHERE t.meeting_id = m.id AND t.type = @type)')
    params.type = f.type
  }
  if (f.year) {
    where.push('m.held_on BETWEEN @from AND @to')
    Object.assign(params, { from: `${f.year}-01-01`, to: `${f.year}-12-31` })
  }
  const q = f.q.normalize('NFKC').trim()
  // the meetings whose text holds q, as a subquery of rowids
  let hits: string | null = null
  if (q) {
    if ([...q].length >= 3) {
      hits = 'SELECT rowid FROM meeting_search WHERE meeting_search MATCH @match'
      params.match = `"${q.replace(/"/g, '""')}"`
    } else if (/^[\u3400-\u9fff\uf900-\ufaff]+$/.test(q)) {
      // 1–2 Chinese characters: the per-character index (migration 8), as a phrase
      hits = 'SELECT rowid FROM meeting_chars WHERE meeting_chars MATCH @chars'
      params.chars = charPhrase(q)
    } else {
      hits = 'SELECT rowid FROM meeting_search WHERE instr(body, @q) > 0'
    }
    params.q = q
  }
  const whereWith = (hit: string | null) => `WHERE ${[...where, ...(hit ? [hit] : [])].join(' AND ')}`
  const clause = whereWith(hits && `m.id IN (${hits})`)
  const total = ctx.db.prepare(`SELECT count(*) FROM meetings m ${clause}`).pluck().get(params) as number
  // SQLite looks every hit up and sorts them all for one page: right for a rare word, but a common one (tens of
  // thousands of hits) took 30+ ms. Then walking the meetings newest first and checking each against the hits
  // (unary + keeps the planner from looking them up by id) stops as soon as the page is full.
  const pageClause = hits && total > MANY_HITS ? whereWith(`+m.id IN (${hits})`) : clause
  const rows = ctx.db
    .prepare(
      `SELECT m.id, m.organization_id, o.name AS organization_name, m.title, m.held_on, m.host, m.recorder, m.source,
              m.minutes, m.agenda, m.discussion,
              ${HEADCOUNT_SQL},
              m.expected_count, m.present_count,
              (SELECT group_concat(type) FROM meeting_types t WHERE t.meeting_id = m.id) AS types,
              (SELECT count(*) FROM attachments x WHERE x.meeting_id = m.id) AS attachments,
              ${q ? '(SELECT body FROM meeting_search s WHERE s.rowid = m.id)' : 'NULL'} AS body
       FROM meetings m JOIN organizations o ON o.id = m.organization_id ${pageClause}
       ORDER BY m.held_on DESC, m.id DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: f.pageSize, offset: (f.page - 1) * f.pageSize }) as Record<string, unknown>[]
  return {
    total,
    rows: rows.map((r) => {
      const { expected, present } = headcountOf(r)
      return {
        id: r.id as number,
        organizationId: r.organization_id as number,
        organizationName: r.organization_name as string,
        types: String(r.types ?? '').split(',').filter(Boolean) as MeetingType[],
        title: r.title as string,
        heldOn: r.held_on as string,
        host: r.host as string | null,
        recorder: r.recorder as string | null,
        expected,
        present,
        complete: !!r.recorder && present !== null && (r.source === 'ledger' || !!(r.minutes || r.agenda || r.discussion)),
        attachments: r.attachments as number,
        snippet: q && r.body ? snippet(r.body as string, r.title as string, q) : null,
      }
    }),
  }
}
