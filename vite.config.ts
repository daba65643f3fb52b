import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { contentSecurityPolicy } from './electron/security.ts';

/** Puts the one CSP (from electron/security.ts) into the built index.html as a meta tag. */
const cspMetaTag = (): Plugin => ({
  name: 'waybill-csp-meta',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy() },
      injectTo: 'head-prepend',
    },
  ],
});

export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: false,
  plugins: [react(), cspMetaTag()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
  },
  server: { port: 5179, strictPort: true },
});
