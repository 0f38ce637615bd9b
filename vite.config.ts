import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const repoRoot = fileURLToPath(new URL('.', import.meta.url))

const antdFamily =
  /node_modules[\\/](antd|@ant-design[\\/](colors|cssinjs|cssinjs-utils|fast-color|react-slick)|@rc-component|rc-[^\\/]+|@babel[\\/]runtime|dayjs|@emotion|stylis|classnames|clsx|scroll-into-view-if-needed|compute-scroll-into-view|throttle-debounce|json2mq|copy-to-clipboard|toggle-selection|resize-observer-polyfill)[\\/]/

/**
 * The web front end: sources in src/web, built into dist/web, which the server serves.
 * In development `vite` proxies /api to the server on :3000 (`npm start`).
 */
export default defineConfig({
  root: `${repoRoot}src/web`,
  base: '/',
  publicDir: false,
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Vendor code in cacheable chunks of its own: the antd the first screen needs, the antd only
    // the data pages need (tables, trees, pickers: loaded with the first such page), icons,
    // react, echarts. Every page is a lazy chunk of its own.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'app-i18n', test: /src[\\/]web[\\/]app[\\/]i18n[\\/]/, priority: 50 },
            { name: 'vendor-echarts', test: /node_modules[\\/](echarts|zrender|echarts-for-react)[\\/]/, priority: 40 },
            { name: 'vendor-icons', test: /node_modules[\\/]@ant-design[\\/]icons(-svg)?[\\/]/, priority: 35 },
            { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser|@tanstack)[\\/]/, priority: 32 },
            { name: 'vendor-antd', test: antdFamily, tags: ['$initial'], priority: 30 },
            { name: 'vendor-antd-pages', test: antdFamily, priority: 29 },
          ],
        },
      },
    },
  },
})
