import { defineConfig } from 'vite';
import { viteFromSource } from '../../sourceConditions.ts';

// Served by the hub at /avatar/, so every asset path is relative.
export default defineConfig({
  ...viteFromSource,
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
});
