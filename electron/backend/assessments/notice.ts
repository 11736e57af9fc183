import type { PrintDocument } from '../../shared/contract/print'
import { formatChineseDate, todayLocal } from '../../shared/dates'
import { esc } from '../../shared/print/html'
import { page } from '../../shared/print/layout'
import { noticeChannel, noticeIssuer, WRITE_IN } from '../../shared/print/notice-channel'
import { invalid } from '../../shared/result'
import { countWorkingDays, noticePeriod, parseHolidayCalendar, unknownYearsNote } from '../../shared/rules/working-days'
import type { CallContext } from '../context'
import { readSettings } from '../settings'
import { roundView } from './rounds'

const CSS = `
  .ranking { margin: 8pt 0; }
  .ranking th, .ranking td { font-size: 12pt; line-height: 1.5; text-align: center; }
  .ranking td.org { text-align: left; }
  .stars { letter-spacing: 1pt; }
  .issuer { margin-top: 57.8pt; display: flex; justify-content: flex-end; padding-right: 4em; break-inside: avoid; }
  .issuer div { text-align: center; }`

/** The example scheme's own name says 示例: it must never be printed on a notice that hangs in the corridor. */
const EXAMPLE_MARK = /示例/

/** 《…》 round a document's name, unless the clerk typed them. */
const titled = (name: string) => (/^《.*》$/.test(name) ? name : `《${name}》`)

/**
 * 公示 of a round's approved results (docs/notice-rules.md): rank, branch, score and stars, the rules that gave
 * the stars, the 公示期 in working days (the settings' holiday calendar), where and how to object, and the issuing
 * body as its seal reads. The notice names the hospital's own scheme (`basis`); a round built on the shipped
 * example scheme, or a copy of it, is refused until one is given, and the preview warns about it either way.
 */
export function assessmentNotice(ctx: CallContext, roundId: number, basis: string | null): PrintDocument {
  const r = roundView(ctx, roundId)
  const approved = r.ratings.filter((x) => x.approved)
  if (!approved.length) throw invalid('还没有审定的结果：审定后才能公示')
  const named = (basis ?? '').trim() || (EXAMPLE_MARK.test(r.scheme.name) ? '' : r.scheme.name)
  if (!named) throw invalid('本次考评用的是软件附带的示例指标体系：公示前请填写本院考评方案的名称（印在公示的“根据……”处）', 'basis')
  if (EXAMPLE_MARK.test(named)) throw invalid('公示中不能写“示例”：请填写本院考评方案的名称', 'basis')
  const pending = r.entries.length - approved.length
  const settings = readSettings(ctx.db)
  const { calendar } = parseHolidayCalendar(settings['calendar.holidays'])
  const today = todayLocal(ctx.now())
  const period = noticePeriod(today, settings['print.noticeWorkingDays'], calendar)
  const days = countWorkingDays(period.from, period.to, calendar)
  const issuer = noticeIssuer(settings)
  const channel = noticeChannel(settings)
  const title = `关于${r.name}结果的公示`
  const body = `
  <h1>${esc(title)}</h1>
  <p>根据${esc(titled(named))}，经${esc(r.stages.join('、'))}，${esc(r.name)}结果已审定，现予公示。星级评定规则：${esc(r.ratingText)}。${pending ? `另有${pending}个支部尚在评审中，结果另行公示。` : ''}</p>
  <table class="ranking">
    <thead><tr><th>名次</th><th>党支部</th><th>得分</th><th>星级</th></tr></thead>
    <tbody>${approved.map((x) => `<tr><td>${x.rank}</td><td class="org">${esc(x.organizationName)}</td><td>${x.score}</td><td class="stars">${x.stars ? `${'★'.repeat(x.stars)}（${x.stars}星）` : '未评星'}</td></tr>`).join('')}</tbody>
  </table>
  <p>公示时间：${esc(formatChineseDate(period.from))}至${esc(formatChineseDate(period.to))}（${days}个工作日）。</p>
  <p>公示期间，如有意见，请以来电、来信、来访等方式向${esc(channel ?? WRITE_IN)}反映。反映情况应实事求是，以个人名义反映的请署真实姓名。</p>
  <div class="issuer"><div>${esc(issuer ?? WRITE_IN)}<br>${esc(formatChineseDate(today))}</div></div>`
  const notes = [
    r.scheme.fromExample ? `本次考评使用的指标体系“${r.scheme.name}”是软件附带的示例${r.scheme.isExample ? '' : '的副本'}。公示以本院名义张贴：请确认考评确实按本院方案进行，公示写的依据是“${titled(named)}”。` : null,
    unknownYearsNote(period.unknownYears),
    issuer ? null : '公示发布单位还没有设置，落款留了横线（可手写）。请在“系统设置 → 规则参数 → 公示”中填写，例如：中共××医院委员会。',
    channel ? null : '意见受理部门、电话、地点还没有设置，公示上留了横线（可手写）。请在“系统设置 → 规则参数 → 公示”中填写。',
  ].filter((n): n is string => !!n)
  return { title, html: page(body, { title, css: CSS }), pages: null, ...(notes.length ? { notes } : {}) }
}
