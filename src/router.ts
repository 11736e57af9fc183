import { createRouter, createWebHashHistory } from 'vue-router'
import { ROLE_LABELS } from '@shared/contract/accounts'
import { showWarning } from './api/feedback'
import { AREAS, areaRefused } from './areas'
import { useSessionStore } from './stores/session'

// Hash history: works the same from file:// (desktop app) and from the loopback bridge.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/workbench' },
    { path: '/workbench', component: () => import('./pages/workbench/WorkbenchPage.vue'), meta: { title: '工作台' } },
    { path: '/supervision', component: () => import('./pages/supervision/SupervisionPage.vue'), meta: { title: '督查督办' } },
    { path: '/organizations', component: () => import('./pages/organizations/OrganizationsPage.vue'), meta: { title: '党组织' } },
    { path: '/members', component: () => import('./pages/members/MembersPage.vue'), meta: { title: '党员名册' } },
    { path: '/meetings', component: () => import('./pages/meetings/MeetingsPage.vue'), meta: { title: '会议记录' } },
    { path: '/statistics', component: () => import('./pages/statistics/StatisticsPage.vue'), meta: { title: '统计分析' } },
    { path: '/print', component: () => import('./pages/print/PrintPage.vue'), meta: { title: '打印预览', bare: true } },
    { path: '/assessments', component: () => import('./pages/assessments/AssessmentsPage.vue'), meta: { title: '考核评价' } },
    { path: '/dashboard', component: () => import('./pages/dashboard/DashboardPage.vue'), meta: { title: '驾驶舱' } },
    { path: '/dashboard/branch/:id', component: () => import('./pages/dashboard/BranchPage.vue'), meta: { title: '支部画像' } },
    { path: '/dashboard/print', component: () => import('./pages/dashboard/ChartPrintPage.vue'), meta: { title: '图表打印', bare: true } },
    { path: '/settings', component: () => import('./pages/settings/SettingsPage.vue'), meta: { title: '系统设置' } },
    { path: '/exchange', component: () => import('./pages/exchange/ExchangePage.vue'), meta: { title: '数据导入导出' } },
    { path: '/packages', component: () => import('./pages/packages/PackagesPage.vue'), meta: { title: '上报与交换' } },
    { path: '/dues', component: () => import('./pages/dues/DuesPage.vue'), meta: { title: '党费' } },
    { path: '/dues/print', component: () => import('./pages/print/PrintPage.vue'), props: { source: 'dues' }, meta: { title: '打印预览', bare: true } },
    ...AREAS.filter((a) => a.planned).map((a) => ({
      path: a.path,
      component: () => import('./pages/PlannedPage.vue'),
      meta: { title: a.title },
      props: { area: a },
    })),
    { path: '/:pathMatch(.*)*', redirect: '/workbench' },
  ],
})

// a role that may not open an area is sent to the start page with the reason (the backend refuses its calls anyway)
router.beforeEach((to) => {
  const role = useSessionStore().user?.role
  const refused = areaRefused(to.path, role)
  if (!refused || !role) return true
  showWarning(`${ROLE_LABELS[role]}账号不能打开“${refused.title}”`)
  return { path: '/workbench' }
})

router.afterEach((to) => {
  document.title = `${String(to.meta.title ?? '')} - 党办通`
})
