import { customType } from "drizzle-orm/pg-core";

/** A tsvector column; only ever written by a generated expression. */
export const tsvector = customType<{ data: string }>({
  dataType() {
    return "tsvector";
  },
});
