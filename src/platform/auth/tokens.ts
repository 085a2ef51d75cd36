import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** A random URL-safe token (256 bits) for cookies and mailed links. */
export const newToken = () => randomBytes(32).toString("base64url");

/** Only hashes of tokens are stored: a leaked table gives no usable link or session. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const hmac = (secret: string, value: string) =>
  createHmac("sha256", secret).update(value).digest("base64url");

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
