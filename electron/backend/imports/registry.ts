import codes from '../../shared/codes/code-lists.json'
import { COMMITTEE_POSTS, COMMITTEE_POST_LABELS, OCCUPATIONS } from '../../shared/members'
import { ORG_TYPES, ORG_TYPE_LABELS } from '../../shared/organizations'
import type { ImportKind } from './kind'
import { committeeImport } from './kinds/committees'
import { duesBaseImport } from './kinds/dues-bases'
import { meetingLedgerImport } from './kinds/meetings'
import { MEMBER_CATEGORIES, memberImport } from './kinds/members'
import { organizationImport } from './kinds/organizations'
import type { TemplateHints } from './template'
import { CODE_CHOICES } from './choices'

/** Every importable kind with its template hints. */
export const IMPORTS = new Map<string, { kind: ImportKind<unknown>; template: TemplateHints }>([
  [
    'organizations',
    {
      kind: organizationImport as ImportKind<unknown>,
      template: {
        lists: { type: ORG_TYPES.map((t) => ORG_TYPE_LABELS[t]) },
        example: { name: '中共××医院内科第一支部委员会', type: '党支部', parent: '中共××医院委员会', foundedOn: '2021-07-01', departments: '心内科、呼吸科', termYears: '3', termStartedOn: '2024-01-15' },
      },
    },
  ],
  [
    'members',
    {
      kind: memberImport as ImportKind<unknown>,
      template: {
        textFields: ['idNumber', 'phone'],
        lists: { gender: ['男', '女'], category: [...MEMBER_CATEGORIES], ethnicity: codes.ethnicGroups.map((e) => e.name), education: codes.education.map((e) => e.name), degree: codes.degrees, occupation: [...OCCUPATIONS] },
        example: { name: '王芳', gender: '女', idNumber: '11010519491231002X', organization: '中共××医院内科第一支部委员会', category: '正式党员', joinedOn: '1975-07-01', convertedOn: '1976-07-01', ethnicity: '汉族', education: '大学本科', department: '心血管内科', occupation: '专业技术人员' },
      },
    },
  ],
  [
    'committees',
    {
      kind: committeeImport as ImportKind<unknown>,
      template: {
        textFields: ['idNumber'],
        lists: { post: COMMITTEE_POSTS.map((p) => COMMITTEE_POST_LABELS[p]), dualLeader: ['是', '否'] },
        example: { organization: '中共××医院内科第一支部委员会', name: '王芳', post: '书记', electedOn: '2024-01-15', dualLeader: '是' },
      },
    },
  ],
  [
    'meetings',
    {
      kind: meetingLedgerImport as ImportKind<unknown>,
      template: {
        example: { organization: '中共××医院内科第一支部委员会', types: '支部党员大会、党课', heldOn: '2025-03-18', title: '学习全国两会精神', host: '张三', recorder: '李四', expectedCount: '25', presentCount: '23' },
      },
    },
  ],
  [
    'dues-bases',
    {
      // the year comes with each preview and commit (imports/handlers.ts); this one serves the template and undo
      kind: duesBaseImport(null) as ImportKind<unknown>,
      template: {
        textFields: ['idNumber', 'fromMonth'],
        lists: { category: CODE_CHOICES.duesCategory() },
        example: { name: '王芳', idNumber: '11010519491231002X', organization: '中共××医院内科第一支部委员会', category: '在职', base: '8500.00', fromMonth: '2025-01' },
      },
    },
  ],
])

export const IMPORT_KINDS_BY_NAME: ReadonlyMap<string, ImportKind<unknown>> = new Map([...IMPORTS].map(([k, v]) => [k, v.kind]))
