import { createApp } from 'vue';
import 'element-plus/dist/index.css';
import './styles.css';
import App from './App.vue';
import { router } from './router';
import { i18n } from './i18n';
import { keepPacksFresh } from './core/packs';
import { registerOfflineApp } from './offline/service-worker';

keepPacksFresh();
registerOfflineApp();
createApp(App).use(router).use(i18n).mount('#app');
