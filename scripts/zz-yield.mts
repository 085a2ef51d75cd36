import { sql } from "drizzle-orm";
import { openDatabase } from "../src/platform/db/client";
const d = await openDatabase({ dataDir: "memory://" });
for (let round = 0; round < 2; round++) {
  const t0 = performance.now();
  for (let i = 0; i < 5000; i++) await d.db.execute(sql`SELECT 1`);
  console.log("5000 selects", Math.round(performance.now() - t0), "ms");
}
await d.close();
