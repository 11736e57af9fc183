import type { Input } from '@shared/contract'
import type { OrgSummary } from '@shared/organizations'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { call } from '../api/client'

export interface OrgTreeNode extends OrgSummary {
  children: OrgTreeNode[]
}

/** Builds the tree from the flat list; an orphan (parent filtered out) shows at the top rather than vanishing. */
export function buildTree(orgs: OrgSummary[]): OrgTreeNode[] {
  const nodes = new Map(orgs.map((o) => [o.id, { ...o, children: [] as OrgTreeNode[] }]))
  const roots: OrgTreeNode[] = []
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId)
    ;(parent ? parent.children : roots).push(node)
  }
  return roots
}

export const useOrganizationsStore = defineStore('organizations', () => {
  const list = ref<OrgSummary[]>([])
  const loading = ref(false)
  const showDissolved = ref(false)

  const visible = computed(() => list.value.filter((o) => showDissolved.value || o.status === 'active'))
  const tree = computed(() => buildTree(visible.value))
  const byId = computed(() => new Map(list.value.map((o) => [o.id, o])))

  async function load(): Promise<void> {
    loading.value = true
    try {
      list.value = await call('orgs.list', { includeDissolved: true })
    } finally {
      loading.value = false
    }
  }

  /** Runs a change, then reloads the list (warnings and counts of other organizations may change too). */
  async function change<T extends OrgSummary>(action: Promise<T>): Promise<T> {
    const result = await action
    await load()
    return result
  }

  return {
    list,
    loading,
    showDissolved,
    visible,
    tree,
    byId,
    load,
    create: (input: Input<'orgs.create'>) => change(call('orgs.create', input)),
    update: (input: Input<'orgs.update'>) => change(call('orgs.update', input)),
    move: (input: Input<'orgs.move'>) => change(call('orgs.move', input)),
    dissolve: (input: Input<'orgs.dissolve'>) => change(call('orgs.dissolve', input)),
    reinstate: (id: number) => change(call('orgs.reinstate', { id })),
  }
})
