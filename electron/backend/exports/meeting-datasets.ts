import type { ExportScope } from '../../shared/contract/exports'
import { MEETING_TYPE_LABELS, type MeetingType } from '../../shared/meetings'
import type { CallContext } from '../context'
import { HEADCOUNT_SQL, headcountOf } from '../meetings/headcount'
import { descendantIds } from '../organizations/repository'
import { col, SERIAL, type Dataset } from './dataset'


/**
 * Lists go in as one json_each parameter, never spliced into the SQL: the statement's text stays the same for
 * every list, so the connection's statement cache does not grow with each selection (db/open.ts).
 */
function chosenSql(column: string, ids: readonly number[]): { where: string; params: unknown[] } {
  return ids.length ? { where: `AND ${column} IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(ids)] } : { where: '', params: [] }
}

/** The scope as SQL: the chosen organization and everything under it, and the date range (inclusive). */
function scopeSql(ctx: CallContext, scope: ExportScope, orgColumn: string, dateColumn: string): { where: string; params: unknown[] } {
  const parts: string[] = []
  const params: unknown[] = []
  if (scope.organizationId) {
    parts.push(`${orgColumn} IN (SELECT value FROM json_each(?))`)
    params.push(JSON.stringify(descendantIds(ctx.db, scope.organizationId)))
  }
  if (scope.from) {
    parts.push(`${dateColumn} >= ?`)
    params.push(scope.from)
  }
  if (scope.to) {
    parts.push(`${dateColumn} <= ?`)
    params.push(scope.to)
  }
  return { where: parts.length ? `AND ${parts.join(' AND ')}` : '', params }
}

/**
 * 三会一课台账: one line per meeting (void records left out). The first eight columns are the ledger import's
 * own, so an exported ledger can be imported elsewhere unchanged.
 */
export const meetingLedger: Dataset = {
  title: '三会一课台账',
  landscape: true,
  columns: [
    SERIAL,
    col('organization', '党组织', ['党支部', '所在党支部', '支部名称'], { width: 24 }),
    col('types', '会议类型', ['类型', '会议类别'], { width: 16 }),
    col('heldOn', '日期', ['会议日期', '召开日期', '时间'], { width: 12 }),
    col('title', '主题', ['会议主题', '议题', '会议内容'], { width: 36 }),
    col('host', '主持人', [], { width: 10 }),
    col('recorder', '记录人', ['记录'], { width: 10 }),
    col('expectedCount', '应到人数', ['应到'], { width: 9 }),
    col('presentCount', '实到人数', ['实到'], { width: 9 }),
    col('leaveCount', '请假人数', ['请假'], { width: 9 }),
    col('absentCount', '缺席人数', ['缺席'], { width: 9 }),
    col('place', '地点', ['会议地点'], { width: 18 }),
    col('lecturer', '授课人', ['主讲人'], { width: 10 }),
    col('resolutions', '决议事项', ['决议', '决定事项'], { width: 36 }),
    // who was away and why: what an inspector reading the ledger asks first (docs/export-columns.md)
    col('absentees', '请假、缺席人员及原因', ['缺席人员及原因', '请假人员'], { width: 36 }),
  ],
  dated: true,
  rows(ctx, ids, scope) {
    const s = scopeSql(ctx, scope, 'm.organization_id', 'm.held_on')
    const wanted = chosenSql('m.id', ids)
    const rows = ctx.db
      .prepare(
        `SELECT m.*, o.name AS organization,
           (SELECT group_concat(type, ',') FROM meeting_types t WHERE t.meeting_id = m.id) AS types,
           ${HEADCOUNT_SQL},
           (SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id AND a.status = 'leave') AS leave_count,
           (SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id AND a.status = 'absent') AS absent_count,
           (SELECT group_concat(seq || '. ' || text, '；') FROM (SELECT seq, text FROM resolutions r WHERE r.meeting_id = m.id ORDER BY seq)) AS resolutions,
           (SELECT group_concat(who, '；') FROM (SELECT p.name || '（' || CASE a.status WHEN 'leave' THEN '请假' ELSE '缺席' END || coalesce('：' || nullif(a.reason, ''), '') || '）' AS who
              FROM attendance a JOIN members p ON p.id = a.member_id WHERE a.meeting_id = m.id AND a.status IN ('leave','absent') ORDER BY a.status DESC, p.id)) AS absentees
         FROM meetings m JOIN organizations o ON o.id = m.organization_id
         WHERE m.status = 'active' ${wanted.where} ${s.where}
         ORDER BY o.sort_order, o.id, m.held_on, m.id`,
      )
      .all(...wanted.params, ...s.params) as Record<string, unknown>[]
    return rows.map((r) => {
      const count = headcountOf(r)
      return {
      organization: r.organization,
      types: String(r.types ?? '')
        .split(',')
        .filter(Boolean)
        .map((t) => MEETING_TYPE_LABELS[t as MeetingType] ?? t)
        .join('、'),
      heldOn: r.held_on,
      title: r.title,
      host: r.host,
      recorder: r.recorder,
      expectedCount: count.expected,
      presentCount: count.present,
      // 0 from a list is a real 0; a meeting recorded by counts only never said how many were away
      leaveCount: count.listed ? r.leave_count : null,
      absentCount: count.listed ? r.absent_count : null,
      place: r.place,
      lecturer: r.lecturer,
      resolutions: r.resolutions,
      absentees: r.absentees,
    }
    })
  },
}

/**
 * 党员参会情况统计: per person over the chosen period, the meetings they were expected at (voting attendance,
 * 不计应到 and 列席 left out), how each ended, the rate, and 补课 done for meetings missed.
 */
export const attendanceSummary: Dataset = {
  title: '党员参会情况统计',
  columns: [
    SERIAL,
    col('organization', '所在党支部', ['党支部', '支部'], { width: 28 }),
    col('name', '姓名', ['党员姓名'], { width: 10 }),
    col('expected', '应参加次数', ['应到次数'], { width: 10 }),
    col('present', '出席', ['出席次数'], { width: 8 }),
    col('leave', '请假', ['请假次数'], { width: 8 }),
    col('absent', '缺席', ['缺席次数'], { width: 8 }),
    col('rate', '出勤率', ['参会率'], { width: 9, numFmt: '0.0%' }),
    col('madeUp', '已补课', ['补课次数'], { width: 8 }),
  ],
  dated: true,
  rows(ctx, ids, scope) {
    const s = scopeSql(ctx, scope, 'm.organization_id', 'm.held_on')
    const wanted = chosenSql('p.id', ids)
    const rows = ctx.db
      .prepare(
        `SELECT o.name AS organization, p.name,
           count(*) AS expected,
           sum(a.status = 'present') AS present,
           sum(a.status = 'leave') AS leave,
           sum(a.status = 'absent') AS absent,
           sum(a.status IN ('leave','absent') AND a.makeup_on IS NOT NULL) AS made_up
         FROM attendance a
         JOIN meetings m ON m.id = a.meeting_id AND m.status = 'active'
         JOIN members p ON p.id = a.member_id
         JOIN organizations o ON o.id = m.organization_id
         WHERE a.voting = 1 AND a.status IN ('present','leave','absent') ${wanted.where} ${s.where}
         GROUP BY m.organization_id, p.id
         ORDER BY o.sort_order, o.id, p.id`,
      )
      .all(...wanted.params, ...s.params) as { organization: string; name: string; expected: number; present: number; leave: number; absent: number; made_up: number }[]
    return rows.map((r) => ({
      organization: r.organization,
      name: r.name,
      expected: r.expected,
      present: r.present,
      leave: r.leave,
      absent: r.absent,
      // a number shown as a percentage: sortable and averageable in Excel
      rate: r.present / r.expected,
      madeUp: r.made_up,
    }))
  },
}
