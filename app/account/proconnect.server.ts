import { parse, serialize } from "cookie";
import { openIdClientFor } from "../../src/platform/auth/openid";
import { cookieName } from "../../src/platform/auth/sessions";
import type { AppConfig } from "../../src/platform/config";
import { NotFound } from "../../src/platform/errors";

/** The cookie that binds a ProConnect sign-in to the browser that started it. */
const BINDING_COOKIE = "aect_proconnect";
const BINDING_MAX_AGE_S = 30 * 60;

/** ProConnect as configured; its pages answer 404 when it is not. */
export function proConnectOf(config: AppConfig) {
  if (!config.openId)
    throw new NotFound("La connexion avec ProConnect n'est pas proposée sur ce portail.");
  return openIdClientFor(config.openId);
}

export const proConnectCallbackUrl = (config: AppConfig) =>
  `${config.publicUrl}/connexion/proconnect/retour`;

export function bindingOf(request: Request, secure: boolean): string | undefined {
  return parse(request.headers.get("Cookie") ?? "")[cookieName(BINDING_COOKIE, secure)];
}

export const bindingCookie = (binding: string, secure: boolean) =>
  serialize(cookieName(BINDING_COOKIE, secure), binding, {
    httpOnly: true,
    // Sent back on the provider's top-level redirection to the callback.
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: BINDING_MAX_AGE_S,
  });

export const clearedBindingCookie = (secure: boolean) =>
  serialize(cookieName(BINDING_COOKIE, secure), "", {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: 0,
  });
