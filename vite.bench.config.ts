import { defineConfig, mergeConfig } from 'vite';
import app from './vite.config.ts';

/** The benchmark page: the app's real modules and workers, in a page of its own (see scripts/bench.ts). */
export default mergeConfig(
  app,
  defineConfig({
    root: 'renderer/bench',
    build: { outDir: '../../dist/bench', emptyOutDir: true, sourcemap: false },
  }),
);
