import { MEETING_TYPE_LABELS } from '../meetings'
import type { PlanRow } from '../plans'
import { esc } from './html'
import { page } from './layout'

/** 会议计划 of a branch for a year (docs/deadlines.md §10): handed out to members, and shown to inspectors with 完成情况. */
export interface PlanPrintData {
  unitName: string
  organization: string
  year: number
  /** active plans by date (作废 ones are not printed) */
  plans: PlanRow[]
}

const CSS = `
  .plan th, .plan td { font-size: 11pt; line-height: 1.4; padding: 3pt 4pt; text-align: center; }
  .plan th { white-space: nowrap; }
  .plan td.l { text-align: left; }
  .sub { text-align: center; text-indent: 0; font-size: 14pt; margin-bottom: 8pt; }`

const short = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8))}日`

export function planPrint(d: PlanPrintData): string {
  const title = `${d.year}年度“三会一课”及主题党日计划`
  const done = (p: PlanRow) => (p.held ? `${short(p.held.heldOn)}已召开` : '')
  const body = `
  <h1>${esc(title)}</h1>
  <p class="sub">${esc(d.organization)}</p>
  <table class="plan"><thead><tr><th style="width:7%">序号</th><th style="width:12%">计划日期</th><th style="width:15%">会议类型</th><th>主题（内容）</th><th style="width:11%">主讲人</th><th style="width:14%">地点</th><th style="width:13%">完成情况</th></tr></thead>
  <tbody>${d.plans.map((p, i) => `<tr><td>${i + 1}</td><td>${short(p.plannedOn)}</td><td>${esc(MEETING_TYPE_LABELS[p.meetingType])}</td><td class="l">${esc(p.topic)}</td><td>${esc(p.speaker)}</td><td>${esc(p.place)}</td><td>${esc(done(p))}</td></tr>`).join('')}</tbody></table>`
  return page(body, { title: `${d.organization}${title}`, css: CSS })
}
