import type { z } from 'zod'
import type { PackageKind } from '../../../shared/exchange'
import type { CallContext } from '../../context'
import type { OpenedPackage, Part } from '../package-file'

/** What an export of one kind puts in its package (docs/exchange.md §5). */
export interface Built {
  period: string
  subject: string
  counts: Record<string, number>
  parts: Part[]
}

/**
 * One kind of package: how its parts are checked on import and, for the kinds with an effect beyond being kept
 * and listed (a 回执 closes what we sent), what importing it does — inside the import's one transaction.
 */
export interface KindSpec {
  kind: PackageKind
  /** the parts by name and the zod schema each must satisfy */
  parts: Record<string, z.ZodType>
  /** why this package cannot be applied here, checked before anything is written (and by verify); null when it can */
  problem?: (ctx: CallContext, opened: OpenedPackage) => string | null
  /** writes the kind's own effect; throws an AppError (rolling the whole import back) when it cannot */
  apply?: (ctx: CallContext, opened: OpenedPackage) => void
  /** a 回执 is not answered with another 回执 */
  receipted: boolean
}
