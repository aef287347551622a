import { createApp } from 'vue';
import { createPinia } from 'pinia';
// Element Plus components are imported where they are used (vite.config.ts); their styles are one stylesheet.
import 'element-plus/dist/index.css';
import App from './App.vue';
import { router } from './router';
import { i18n } from './locales';
import { onUnauthenticated } from './api/http';
import { useSessionStore } from './stores/session';
import './styles/main.css';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
app.use(i18n);
app.use(router);

// A request answered 401 means the session expired: go to the login page and come back afterwards.
onUnauthenticated(() => {
  useSessionStore(pinia).clear();
  const current = router.currentRoute.value;
  if (current.name !== 'login') {
    void router.push({ name: 'login', query: { redirect: current.fullPath } });
  }
});

app.mount('#app');
