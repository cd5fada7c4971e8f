import { defineConfig } from 'vite';

// The bundle is served by Chat.Query from wwwroot/dashboard; the page itself is served at /.
export default defineConfig({
  base: '/dashboard/',
  build: {
    outDir: '../wwwroot/dashboard',
    emptyOutDir: true,
  },
  logLevel: 'warn',
});
