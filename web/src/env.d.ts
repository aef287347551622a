/// <reference types="vite/client" />

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}

interface Window {
  /** Set by browser tests to switch chart animation off. */
  __HOUQIN_TEST__?: boolean;
}
