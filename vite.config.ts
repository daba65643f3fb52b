import { fileURLToPath } from 'node:url';
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
      attrs: {
        'http-equiv': 'Content-Security-Policy',
        // frame-ancestors only works as a header (which both servers send); a meta tag ignores it.
        content: contentSecurityPolicy()
          .split('; ')
          .filter((directive) => !directive.startsWith('frame-ancestors'))
          .join('; '),
      },
      injectTo: 'head-prepend',
    },
  ],
});

export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: false,
  plugins: [react(), cspMetaTag()],
  resolve: {
    alias: [
      {
        // Markdown parsing (note bodies) runs in the verifier's worker too, which has no
        // `document`: the package's DOM build would fail there, so both use its plain build.
        find: /^decode-named-character-reference$/,
        replacement: fileURLToPath(
          new URL('./node_modules/decode-named-character-reference/index.js', import.meta.url),
        ),
      },
    ],
  },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    // pdf.js alone is about 1 MB; it is split into the Documents tab's own chunk, loaded on demand.
    chunkSizeWarningLimit: 1500,
    // The sample's files are fetched as files: a data: URL would be refused by the CSP's connect-src.
    assetsInlineLimit: (file) => (file.includes('/assets/sample/') ? false : undefined),
    rollupOptions: {
      output: {
        // The OCR engine fetches `<folder>/<language>.traineddata.gz`: language data keeps its name.
        assetFileNames: (asset) =>
          asset.names.some((name) => name.endsWith('.traineddata.gz'))
            ? 'assets/ocr/[name][extname]'
            : 'assets/[name]-[hash][extname]',
      },
    },
  },
  server: { port: 5179, strictPort: true },
});
