import type { PrintDocument } from '../../shared/contract/print'
import { addDays, formatChineseDate, todayLocal } from '../../shared/dates'
import { esc } from '../../shared/print/html'
import { page } from '../../shared/print/layout'
import { invalid } from '../../shared/result'
import type { CallContext } from '../context'
import { readSettings } from '../settings'
import { roundView } from './rounds'

/** Adds working days, skipping weekends (public holidays are not known offline: the clerk checks the dates). */
function addWorkingDays(from: string, days: number): string {
  let d = from
  for (let left = days; left > 0; ) {
    d = addDays(d, 1)
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay()
    if (wd !== 0 && wd !== 6) left--
  }
  return d
}

const CSS = `
  .ranking { margin: 8pt 0; }
  .ranking th, .ranking td { font-size: 12pt; line-height: 1.5; text-align: center; }
  .ranking td.org { text-align: left; }
  .stars { letter-spacing: 1pt; }
  .issuer { margin-top: 57.8pt; display: flex; justify-content: flex-end; padding-right: 4em; break-inside: avoid; }
  .issuer div { text-align: center; }`

/**
 * 公示 of a round's approved results (domain.md §7 "results published (公示)"): rank, branch, score and stars,
 * the rules that gave the stars, the notice period and where to object. Only approved results are published.
 * Printed as the print kind assessmentNotice: print.document logs it like every print.
 */
export function assessmentNotice(ctx: CallContext, roundId: number): PrintDocument {
  const r = roundView(ctx, roundId)
  const approved = r.ratings.filter((x) => x.approved)
  if (!approved.length) throw invalid('还没有审定的结果：审定后才能公示')
  const pending = r.entries.length - approved.length
  const settings = readSettings(ctx.db)
  const issuer = settings['unit.name'] || '院党委'
  const today = todayLocal(ctx.now())
  const until = addWorkingDays(today, settings['print.noticeWorkingDays'])
  const feedback = settings['print.noticeFeedback'] || '院党委办公室'
  const title = `关于${r.name}结果的公示`
  const body = `
  <h1>${esc(title)}</h1>
  <p>根据${esc(r.scheme.name)}，经${esc(r.stages.join('、'))}，${esc(r.name)}结果已审定，现予公示。星级评定规则：${esc(r.ratingText)}。${pending ? `另有${pending}个支部尚在评审中，结果另行公示。` : ''}</p>
  <table class="ranking">
    <thead><tr><th>名次</th><th>党支部</th><th>得分</th><th>星级</th></tr></thead>
    <tbody>${approved.map((x) => `<tr><td>${x.rank}</td><td class="org">${esc(x.organizationName)}</td><td>${x.score}</td><td class="stars">${x.stars ? `${'★'.repeat(x.stars)}（${x.stars}星）` : '未评星'}</td></tr>`).join('')}</tbody>
  </table>
  <p>公示时间：${esc(formatChineseDate(today))}至${esc(formatChineseDate(until))}（${settings['print.noticeWorkingDays']}个工作日）。</p>
  <p>公示期间如有意见，可向${esc(feedback)}反映。</p>
  <div class="issuer"><div>${esc(issuer)}<br>${esc(formatChineseDate(today))}</div></div>`
  return { title, html: page(body, { title, css: CSS }), pages: null }
}
