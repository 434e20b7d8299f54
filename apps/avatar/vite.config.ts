import { defineConfig } from 'vite';

// Served by the hub at /avatar/, so every asset path is relative.
export default defineConfig({
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
});
