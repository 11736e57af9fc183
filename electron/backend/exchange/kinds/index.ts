import type { PackageKind } from '../../../shared/exchange'
import { assessmentKind } from './assessment'
import { complianceKind } from './compliance'
import { decisionKind } from './decision'
import type { KindSpec } from './kind'
import { cardKind, receiptKind } from './receipt'
import { schemeKind } from './scheme'
import { statisticsKind } from './statistics'
import { supervisionKind } from './supervision'

/** Every kind this program knows (docs/exchange.md §5); a package of another kind is refused. */
export const KINDS: Record<PackageKind, KindSpec> = {
  'annual-statistics': statisticsKind,
  'assessment-results': assessmentKind,
  'organizational-life': complianceKind,
  'supervision-report': supervisionKind,
  'review-decision': decisionKind,
  'assessment-scheme': schemeKind,
  receipt: receiptKind,
  'unit-card': cardKind,
}

export const kindSpec = (kind: string): KindSpec | undefined => (Object.hasOwn(KINDS, kind) ? KINDS[kind as PackageKind] : undefined)
