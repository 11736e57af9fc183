import { contract, type Method } from '@shared/contract'
import { roleMay } from '@shared/permissions'
import { computed } from 'vue'
import { useOrganizationsStore } from '../stores/organizations'
import { useSessionStore } from '../stores/session'

/**
 * What the signed-in role may do, asked of the same rules the backend enforces (shared/permissions.ts): a button is
 * shown only when its call would be accepted, so a 只读领导 never fills a form to be refused at 保存.
 * The backend's refusal stays the real guard. A 支部书记 may act only within their branch and its 党小组: pass the
 * record's organization to ask about that record.
 */
export function usePermissions() {
  const session = useSessionStore()
  const orgs = useOrganizationsStore()
  /** a 支部书记's branch and the 党小组 under it */
  const own = computed(() => {
    const root = session.ownBranchId
    const ids = new Set<number>(root ? [root] : [])
    for (let grew = true; grew; ) {
      grew = false
      for (const o of orgs.list) if (o.parentId !== null && ids.has(o.parentId) && !ids.has(o.id)) grew = !!ids.add(o.id)
    }
    return ids
  })
  function can(method: Method, organizationId?: number | null): boolean {
    const user = session.user
    if (!user || !roleMay(user.role, method, contract[method].access)) return false
    if (user.role === 'secretary' && organizationId !== undefined) return organizationId !== null && own.value.has(organizationId)
    return true
  }
  const role = computed(() => session.user?.role ?? null)
  return { can, role, own }
}
