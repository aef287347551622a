/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';

// HOUQIN_BACKEND lets a developer point the dev server elsewhere; the default is the C++ server.
const backend = process.env.HOUQIN_BACKEND ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [
    vue(),
    // Each page imports the Element Plus components (and the v-loading directive) its template uses, so a route's chunk
    // carries only those instead of the whole library loaded up front. The styles stay one stylesheet (main.ts).
    // Only Element Plus tags are resolved this way; the project's own components are imported by hand.
    Components({ resolvers: [ElementPlusResolver({ importStyle: false })], dirs: [], dts: false }),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/healthz': { target: backend },
      '/metrics': { target: backend },
    },
  },
  build: {
    outDir: 'dist',
    rollupOptions: {
      output: {
        // Libraries every page needs in one chunk that stays cached across releases of the app; ECharts (with its
        // renderer, zrender) only in the chunks of the pages that draw charts. Element Plus is left to Rollup, which
        // puts each component beside the pages that use it.
        manualChunks(id) {
          if (!id.includes('/node_modules/')) return undefined;
          if (/\/node_modules\/zrender\//.test(id)) return 'zrender';
          if (/\/node_modules\/echarts\//.test(id)) return 'echarts';
          if (/\/node_modules\/(@vue|vue|vue-router|vue-i18n|@intlify|pinia)\//.test(id)) return 'vue';
          return undefined;
        },
      },
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
  },
});
