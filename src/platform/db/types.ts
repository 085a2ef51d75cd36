import { customType } from "drizzle-orm/pg-core";

/** A tsvector column; only ever written by a generated expression. */
export const tsvector = customType<{ data: string }>({
  dataType() {
    return "tsvector";
  },
});

/** Binary content (a stored file); both drivers hand it over as a Uint8Array/Buffer. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});
