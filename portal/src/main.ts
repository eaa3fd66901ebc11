import { createApp } from 'vue';
import 'element-plus/dist/index.css';
import './styles.css';
import App from './App.vue';
import { router } from './router';
import { i18n } from './i18n';
import { keepPacksFresh } from './core/packs';
import { registerOfflineApp } from './offline/service-worker';
import { startOutbox } from './offline/outbox';

keepPacksFresh();
registerOfflineApp();
void startOutbox(); // queued applications go out on every load and whenever the network returns
createApp(App).use(router).use(i18n).mount('#app');
