// Entry point of `npm start` (built server) and `npm run dev` (Vite middleware, reloads on change).
const development = process.argv.includes("--dev");

if (development) {
  const { createServer } = await import("vite");
  const vite = await createServer({ server: { middlewareMode: true } });
  const { startPortal } = await vite.ssrLoadModule("./server/app.ts");
  await startPortal({ devMiddleware: vite.middlewares });
} else {
  const { startPortal } = await import("./build/server/index.js");
  await startPortal();
}
