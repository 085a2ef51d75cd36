import { type TestIdentity, startProConnectProvider } from "../../scripts/proconnect-provider";

/**
 * A person's browser at the test provider: it keeps the provider's cookies and follows its
 * redirections until the provider sends the browser back to the portal.
 */
export class ProviderBrowser {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly issuer: string) {}

  private async fetch(url: string, init: RequestInit = {}) {
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "),
      },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...value] = pair.split("=");
      this.cookies.set(name.trim(), value.join("="));
    }
    return response;
  }

  /**
   * Follows the provider's redirections: to the first address outside it (`left`), or to a
   * page of its own whose form the person fills in (`form`, that form's address).
   */
  private async follow(
    start: string,
    init?: RequestInit,
  ): Promise<{ left?: string; form?: string }> {
    let response = await this.fetch(start, init);
    let location = start;
    for (let hops = 0; hops < 10; hops++) {
      const next = response.headers.get("location");
      if (!next) break;
      location = new URL(next, location).href;
      if (!location.startsWith(this.issuer)) return { left: location };
      response = await this.fetch(location);
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action)
      throw new Error(`No form at ${location}: ${response.status} ${html.slice(0, 200)}`);
    return { form: new URL(action.replace(/&amp;/g, "&"), this.issuer).href };
  }

  /** From the portal's redirection to the provider, signs in as `sub`; returns the callback. */
  async signIn(authorizationUrl: string, sub: string): Promise<URL> {
    const { form } = await this.follow(authorizationUrl);
    if (!form) throw new Error("The provider showed no sign-in page");
    const { left } = await this.follow(form, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ login: sub }).toString(),
    });
    if (!left) throw new Error("The provider did not send the browser back");
    return new URL(left);
  }

  /** Follows the portal's sign-out redirection to the provider and confirms there. */
  async endSession(endSessionUrl: string): Promise<string> {
    const page = await this.fetch(endSessionUrl);
    const html = await page.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
    if (!action || !xsrf) throw new Error(`No sign-out form: ${html.slice(0, 300)}`);
    const { left } = await this.follow(new URL(action, this.issuer).href, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ xsrf, logout: "yes" }).toString(),
    });
    if (!left) throw new Error("The provider did not send the browser back after sign-out");
    return left;
  }
}

export type TestProvider = Awaited<ReturnType<typeof startProConnectProvider>>;
export { startProConnectProvider, type TestIdentity };
