/**
 * A minimal HTTP client that behaves like a browser without JavaScript: it keeps cookies,
 * reads the CSRF token from the last page, and posts forms.
 */
export class FormClient {
  private cookies = new Map<string, string>();
  csrfToken = "";
  /** The record version in the last page's form (its hidden field `version`), as a browser sends it. */
  version = "";

  constructor(readonly baseUrl: string) {}

  private cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private keepCookies(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(";");
      const [name, ...rest] = pair.split("=");
      const value = rest.join("=");
      const expired = attributes.some((attribute) => /max-age=0/i.test(attribute.trim()));
      if (expired || value === "") this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
  }

  /** The cookies this client holds, as a header for a request built by hand. */
  cookieHeaderForTests() {
    return this.cookieHeader();
  }

  cookie(name: string) {
    return this.cookies.get(name);
  }

  async get(pathname: string, headers: Record<string, string> = {}) {
    return this.request(pathname, { headers: { ...headers, cookie: this.cookieHeader() } });
  }

  async post(
    pathname: string,
    fields: Record<string, string | string[]>,
    options: { withCsrf?: boolean } = {},
  ) {
    // A list is sent as repeated fields, as checkboxes and selects of one name are.
    const body = new URLSearchParams(
      Object.entries(fields).flatMap(([name, value]) =>
        (Array.isArray(value) ? value : [value]).map((one) => [name, one]),
      ),
    );
    if (options.withCsrf !== false) body.set("_csrf", this.csrfToken);
    return this.request(pathname, {
      method: "POST",
      headers: { cookie: this.cookieHeader(), "content-type": "application/x-www-form-urlencoded" },
      body,
    });
  }

  /** Posts a multipart form (a file upload), with the page's CSRF token. */
  async postMultipart(pathname: string, form: FormData) {
    form.set("_csrf", this.csrfToken);
    return this.request(pathname, {
      method: "POST",
      headers: { cookie: this.cookieHeader() },
      body: form,
    });
  }

  /** Sends a request without following redirects, keeping cookies and the page's CSRF token. */
  private async request(
    pathname: string,
    init: RequestInit,
  ): Promise<{ status: number; html: string; location: string | null; headers: Headers }> {
    const response = await fetch(this.baseUrl + pathname, { ...init, redirect: "manual" });
    this.keepCookies(response);
    const html = await response.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html);
    if (token) this.csrfToken = token[1];
    const version = /name="version" value="(\d+)"/.exec(html);
    if (version) this.version = version[1];
    return {
      status: response.status,
      html,
      location: response.headers.get("location"),
      headers: response.headers,
    };
  }

  /** Signs in through the form, as a person would. */
  async signIn(email: string, password = "Demo-AECT-2026!") {
    await this.get("/connexion");
    const result = await this.post("/connexion", { email, password });
    if (result.status !== 302) throw new Error(`Sign-in failed for ${email}: ${result.status}`);
    return result;
  }
}
