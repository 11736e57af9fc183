import type { PackageKind } from '../../../shared/exchange'
import { assessmentKind } from './assessment'
import { complianceKind } from './compliance'
import { decisionKind } from './decision'
import type { KindSpec } from './kind'
import { cardKind, receiptKind } from './receipt'
import { statisticsKind } from './statistics'

/** Every kind this program knows (docs/exchange.md §5); a package of another kind is refused. */
export const KINDS: Record<PackageKind, KindSpec> = {
  'annual-statistics': statisticsKind,
  'assessment-results': assessmentKind,
  'organizational-life': complianceKind,
  'review-decision': decisionKind,
  receipt: receiptKind,
  'unit-card': cardKind,
}

export const kindSpec = (kind: string): KindSpec | undefined => (Object.hasOwn(KINDS, kind) ? KINDS[kind as PackageKind] : undefined)
