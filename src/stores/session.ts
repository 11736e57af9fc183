import type { SessionUser } from '@shared/contract/accounts'
import type { RecoveryStatus } from '@shared/contract/backup'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { call, onSignedOut } from '../api/client'

/**
 * Who is signed in; the app shows the setup or sign-in screen until someone is, and the recovery screen
 * instead when the database could not be opened at start.
 */
export const useSessionStore = defineStore('session', () => {
  const state = ref<'loading' | 'damaged' | 'setup' | 'login' | 'ready'>('loading')
  const user = ref<SessionUser | null>(null)
  const notice = ref('')
  const recovery = ref<RecoveryStatus>({ damaged: false })

  /** a 支部书记's branch: their screens start on it (the backend narrows everything to it anyway) */
  const ownBranchId = computed(() => (user.value?.role === 'secretary' ? user.value.organizationId : null))

  async function refresh(): Promise<void> {
    recovery.value = await call('recovery.status', {})
    if (recovery.value.damaged) return void (state.value = 'damaged')
    const s = await call('auth.status', {})
    user.value = s.user
    state.value = s.user ? 'ready' : s.setupNeeded ? 'setup' : 'login'
  }
  function signedIn(u: SessionUser): void {
    user.value = u
    notice.value = ''
    state.value = 'ready'
  }
  async function logout(reason = ''): Promise<void> {
    await call('auth.logout', {}).catch(() => undefined)
    user.value = null
    notice.value = reason
    state.value = 'login'
  }
  // the backend signed this window out (its sign-in expired): back to the sign-in screen, saying why
  onSignedOut((message) => {
    if (state.value !== 'ready') return
    user.value = null
    notice.value = message
    state.value = 'login'
  })
  return { state, user, notice, recovery, ownBranchId, refresh, signedIn, logout }
})
