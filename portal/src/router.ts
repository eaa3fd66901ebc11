// Hash routes: the server serves the portal's files as they are (no history
// fallback), and an installed offline app can open any page from its cache.
// Each page is its own chunk, so the first page loads only what it needs.
import { createRouter, createWebHashHistory } from 'vue-router';

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/quote' },
    { path: '/quote', name: 'quote', component: () => import('./pages/quote/QuotePage.vue') },
    { path: '/apply', name: 'apply', component: () => import('./pages/apply/ApplyPage.vue') },
    { path: '/bill', name: 'bill', component: () => import('./pages/bill/BillPage.vue') },
    { path: '/tier', name: 'tier', component: () => import('./pages/tier/TierPage.vue') },
    { path: '/:rest(.*)*', redirect: '/quote' },
  ],
  scrollBehavior: () => ({ top: 0 }),
});
