import { defineConfig } from 'vite';

// The bundle is served by Chat.Query from wwwroot/explorer; the page itself is served at /graphql.
export default defineConfig({
  base: '/explorer/',
  build: {
    outDir: '../wwwroot/explorer',
    emptyOutDir: true,
    // Monaco (GraphiQL's editor) is large by nature; the explorer is a tool page, loaded once.
    chunkSizeWarningLimit: 8192,
    rollupOptions: {
      onwarn(warning, warn) {
        // React libraries mark modules "use client"; a plain client bundle does not need it.
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  logLevel: 'warn',
});
