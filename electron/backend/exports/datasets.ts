import type { ExportSource } from '../../shared/contract/exports'
import { col, SERIAL, type Dataset } from './dataset'
import { ageByMonth, birthMonthOf } from '../../shared/birth-month'
import { todayLocal } from '../../shared/dates'
import { partyAge } from '../../shared/rules/membership'
import { ORG_STATUS_LABELS, ORG_TYPE_LABELS } from '../../shared/organizations'
import { termEndsOn } from '../../shared/rules/organization'
import * as orgRepo from '../organizations/repository'
import { assessmentResults } from './assessment-dataset'
import { attendanceSummary, meetingLedger } from './meeting-datasets'
import { supervisionLedger, todoItems } from './supervision-datasets'

/** 党组织一览表, docs/export-columns.md: the 2017 采集表's words (党组织名称 in full, 组织类别, 党组织书记), then ours. */
const organizations: Dataset = {
  title: '党组织一览表',
  columns: [
    SERIAL,
    col('name', '党组织名称', ['组织名称', '名称', '党组织全称'], { width: 36 }),
    col('type', '组织类别', ['组织类型', '党组织类型', '党组织类别', '类别']),
    col('secretary', '党组织书记', ['书记', '支部书记'], { width: 10 }),
    col('parent', '上级组织', ['上级党组织', '隶属党组织'], { width: 30 }),
    col('departments', '所辖科室', ['科室', '对应科室'], { width: 24 }),
    col('foundedOn', '成立日期', ['成立时间', '建立日期']),
    col('termYears', '任期年限', ['任期']),
    col('termStartedOn', '本届任期开始', ['换届日期', '选举日期']),
    col('termEndsOn', '届满日期', ['任期届满', '届满时间']),
    col('status', '状态', ['组织状态']),
  ],
  rows(ctx, ids, scope) {
    const all = orgRepo.allOrganizations(ctx.db)
    const names = new Map(all.map((o) => [o.id, o.name]))
    // the sitting 书记 (2017 采集表: 党组织书记; left blank while the post is vacant)
    const secretaries = new Map(
      (ctx.db.prepare("SELECT p.organization_id AS org, m.name FROM committee_posts p JOIN members m ON m.id = p.member_id WHERE p.post = 'secretary' AND p.ended_on IS NULL ORDER BY p.elected_on").all() as { org: number; name: string }[]).map((r) => [r.org, r.name]),
    )
    const wanted = ids.length ? new Set(ids) : scope.organizationId ? new Set(orgRepo.descendantIds(ctx.db, scope.organizationId)) : null
    return all
      .filter((o) => !wanted || wanted.has(o.id))
      .map((o) => ({
        name: o.name,
        type: ORG_TYPE_LABELS[o.type],
        secretary: secretaries.get(o.id) ?? null,
        parent: o.parentId ? names.get(o.parentId) : '',
        departments: o.departments.join('、'),
        foundedOn: o.foundedOn,
        termYears: o.termYears,
        termStartedOn: o.termStartedOn,
        termEndsOn: termEndsOn(o.termStartedOn, o.termYears),
        status: o.status === 'active' ? ORG_STATUS_LABELS.active : `${ORG_STATUS_LABELS.dissolved}（${o.dissolvedOn}）`,
      }))
  },
}

/**
 * The roster (花名册), docs/export-columns.md: 序号, then the national 16 items of the 党员基本信息 in their order and
 * words (2017 采集表: 公民身份号码, 是否为失联党员 …) with 出生年月/年龄 and 党龄 beside the dates they come from, then
 * the hospital's additions. ID, exact birth date, phone and address are sensitive. 年龄 counts from the birth month
 * (shared/birth-month.ts) so it never tells the day; 党龄 from 转正日期 with the 党龄校正值 (rules/membership.ts).
 */
const members: Dataset = {
  title: '党员名册',
  landscape: true,
  columns: [
    SERIAL,
    col('name', '姓名', ['党员姓名'], { width: 10 }),
    col('gender', '性别', [], { width: 6 }),
    col('idNumber', '公民身份号码', ['身份证号', '身份证号码'], { width: 21, text: true, sensitive: true }),
    col('ethnicity', '民族', [], { width: 8 }),
    // the exact date is the middle of the ID number: it leaves with the sensitive columns only; 出生年月 always
    // (shared/birth-month.ts)
    col('birthMonth', '出生年月', ['出生时间'], { width: 10 }),
    col('age', '年龄', [], { width: 6 }),
    col('birthDate', '出生日期', [], { width: 12, sensitive: true }),
    col('education', '学历', ['文化程度'], { width: 12 }),
    col('category', '人员类别', ['党员类别'], { width: 10 }),
    col('organization', '所在党支部', ['党支部', '所在支部'], { width: 28 }),
    col('joinedOn', '入党日期', ['入党时间'], { width: 12 }),
    col('convertedOn', '转正日期', ['转正时间'], { width: 12 }),
    col('partyAge', '党龄', [], { width: 6 }),
    col('position', '工作岗位', ['岗位'], { width: 12 }),
    col('phone', '联系电话', ['电话', '手机'], { width: 14, text: true, sensitive: true }),
    col('address', '家庭住址', ['住址'], { width: 30, sensitive: true }),
    col('status', '党籍状态', [], { width: 10 }),
    col('lostContact', '是否为失联党员', ['是否失联党员', '失联党员'], { width: 8 }),
    col('mobile', '是否为流动党员', ['是否流动党员', '流动党员', '外出流向'], { width: 12 }),
    col('degree', '学位', [], { width: 8 }),
    col('title', '职称', ['专业技术职务'], { width: 12 }),
    col('department', '科室', ['所在科室'], { width: 14 }),
    col('adminPost', '行政职务', ['职务'], { width: 12 }),
    col('occupation', '职业类别', [], { width: 14 }),
  ],
  rows(ctx, ids, scope) {
    // id lists go in as one json_each parameter, so the statement's text (and the cached statement) is the same for every list
    const wanted = ids.length ? 'AND m.id IN (SELECT value FROM json_each(@ids))' : ''
    const within = scope.organizationId ? 'AND m.organization_id IN (SELECT value FROM json_each(@orgs))' : ''
    const today = todayLocal(ctx.now())
    const rows = ctx.db
      .prepare(
        `SELECT m.name, m.gender, m.id_number, m.ethnicity, m.birth_date, m.education, m.stage, m.joined_on, m.converted_on, m.position, m.phone, m.address,
                m.status, m.lost_contact_since, m.mobile, m.degree, m.title, m.department, m.admin_post, m.occupation, o.name AS organization, m.party_age_correction
         FROM members m LEFT JOIN organizations o ON o.id = m.organization_id
         WHERE m.status IN ('normal','suspended') AND m.stage IN ('probationary','full') ${wanted} ${within} ORDER BY o.sort_order, o.id, m.id`,
      )
      // plain arrays: a 10,000-person roster read as objects cost twice as much, only to be copied again below
      .raw()
      .all({ ids: JSON.stringify(ids), orgs: JSON.stringify(scope.organizationId ? orgRepo.descendantIds(ctx.db, scope.organizationId) : []) }) as unknown[][]
    return rows.map((r) => {
      const birthMonth = birthMonthOf(r[4] as string | null)
      return {
        name: r[0],
        gender: r[1],
        idNumber: r[2],
        ethnicity: r[3],
        birthMonth,
        age: birthMonth ? ageByMonth(birthMonth, today) : null,
        birthDate: r[4],
        education: r[5],
        category: r[6] === 'full' ? '正式党员' : '预备党员',
        organization: r[20],
        joinedOn: r[7],
        convertedOn: r[8],
        // a 预备党员 has no 党龄 yet (it counts from 转正)
        partyAge: partyAge(r[8] as string | null, Number(r[21] ?? 0), today),
        position: r[9],
        phone: r[10],
        address: r[11],
        status: r[12] === 'suspended' ? '停止党籍' : '正常',
        lostContact: r[13] ? '是' : '否',
        mobile: r[14] ? `是（${String(r[14])}）` : '否',
        degree: r[15],
        title: r[16],
        department: r[17],
        adminPost: r[18],
        occupation: r[19],
      }
    })
  },
}

export const DATASETS: Record<ExportSource, Dataset> = {
  organizations,
  members,
  meetings: meetingLedger,
  attendance: attendanceSummary,
  assessments: assessmentResults,
  supervision: supervisionLedger,
  todo: todoItems,
}
