// Entry point of `npm start` (built server) and `npm run dev` (Vite middleware, reloads on change).
const development = process.argv.includes("--dev");

if (development) {
  const { createServer } = await import("vite");
  const vite = await createServer({ server: { middlewareMode: true } });
  const { startPortal } = await vite.ssrLoadModule("./server/app.ts");
  await startPortal({ devMiddleware: vite.middlewares });
} else {
  // The built portal always renders with React's production build (its development build
  // costs half as much CPU again per page). The portal's own mode — demo data, default
  // secrets — still follows NODE_ENV as the operator set it (development by default).
  const portalMode = process.env.NODE_ENV ?? "development";
  process.env.NODE_ENV = "production";
  const { startPortal } = await import("./build/server/index.js");
  await startPortal({ env: { ...process.env, NODE_ENV: portalMode } });
}
