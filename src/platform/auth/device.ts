import Bowser from "bowser";

/**
 * What a person recognises of a session on "Mon compte": "Firefox 128 sur Windows". Read
 * from the User-Agent at sign-in; an unknown or missing one is said so.
 */
export function deviceOf(userAgent: string | null | undefined): string {
  if (!userAgent) return "Navigateur inconnu";
  const parsed = Bowser.parse(userAgent.slice(0, 500));
  const browser = [parsed.browser.name, parsed.browser.version?.split(".")[0]]
    .filter(Boolean)
    .join(" ");
  const system = parsed.os.name ?? "";
  if (!browser) return "Navigateur inconnu";
  return system ? `${browser} sur ${system}` : browser;
}
