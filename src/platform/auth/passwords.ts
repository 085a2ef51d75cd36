import { hash, verify } from "@node-rs/argon2";

// argon2id with the OWASP-recommended minimum cost (19 MiB, 2 passes).
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export { MIN_PASSWORD_LENGTH } from "./password-policy";

export const hashPassword = (password: string) => hash(password, ARGON2_OPTIONS);

export async function verifyPassword(
  passwordHash: string | null,
  password: string,
): Promise<boolean> {
  // Unknown accounts still cost one verification, so timing does not reveal them.
  const target = passwordHash ?? (await dummyHash);
  const valid = await verify(target, password).catch(() => false);
  return passwordHash !== null && valid;
}

const dummyHash = hash("mot-de-passe-factice-pour-egaliser-les-temps", ARGON2_OPTIONS);
