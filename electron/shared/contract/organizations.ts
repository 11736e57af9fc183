import { z } from 'zod'
import { ORG_TYPES, type OrgSummary } from '../organizations'
import { empty, id, isoDate, optionalIsoDate, optionalText, requiredText } from '../schemas'
import { method } from './define'

const orgType = z.enum(ORG_TYPES, { error: '请选择组织类型（党委、党总支、党支部、联合党支部、临时党支部或党小组）' })
const termYears = z
  .union([z.number().int().min(1, { message: '任期年限应为1至5年' }).max(5, { message: '任期年限应为1至5年' }), z.null()])
  .optional()
const departments = z
  .array(requiredText('科室名称', 50))
  .max(50, { message: '一个组织最多关联50个科室' })
  .default([])

const orgFields = {
  name: requiredText('组织名称', 100),
  type: orgType,
  parentId: z.union([id('上级组织'), z.null()]).default(null),
  departments,
  foundedOn: optionalIsoDate('成立日期'),
  termYears,
  termStartedOn: optionalIsoDate('本届任期开始日期'),
  note: optionalText('备注'),
}

export const orgCreateInput = z.object(orgFields).strict()
export const orgUpdateInput = z
  .object({ id: id('组织'), ...orgFields })
  .omit({ parentId: true })
  .strict()
export const orgMoveInput = z.object({ id: id('组织'), parentId: z.union([id('上级组织'), z.null()]) }).strict()
export const orgDissolveInput = z
  .object({ id: id('组织'), dissolvedOn: isoDate('撤销日期'), reason: requiredText('撤销原因', 500) })
  .strict()
export const orgByIdInput = z.object({ id: id('组织') }).strict()
export const orgListInput = z.object({ includeDissolved: z.boolean().default(true) }).strict()

export const organizationsContract = {
  'orgs.list': method<typeof orgListInput, OrgSummary[]>(orgListInput, 'read'),
  'orgs.get': method<typeof orgByIdInput, OrgSummary>(orgByIdInput, 'read'),
  'orgs.create': method<typeof orgCreateInput, OrgSummary>(orgCreateInput, 'write'),
  'orgs.update': method<typeof orgUpdateInput, OrgSummary>(orgUpdateInput, 'write'),
  'orgs.move': method<typeof orgMoveInput, OrgSummary>(orgMoveInput, 'write'),
  'orgs.dissolve': method<typeof orgDissolveInput, OrgSummary>(orgDissolveInput, 'write'),
  'orgs.reinstate': method<typeof orgByIdInput, OrgSummary>(orgByIdInput, 'write'),
  'departments.list': method<typeof empty, string[]>(empty, 'read'),
}
