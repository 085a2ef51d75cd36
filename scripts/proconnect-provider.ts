import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair } from "jose";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";

/**
 * A stand-in for ProConnect on this machine: a real OpenID Connect provider (oidc-provider)
 * serving the identity claims ProConnect serves. The browser tests sign in through it, and
 * `npm run proconnect:demo` lets a person try the ProConnect button against the demo portal.
 * Its sign-in page lists fictitious agents; nothing here is the real ProConnect.
 */
export interface TestIdentity {
  /** What the sign-in page shows. */
  label: string;
  sub: string;
  given_name: string;
  usual_name: string;
  email: string;
  uid: string;
  siret?: string;
  organizational_unit?: string;
  phone?: string;
}

export const DEMO_CLIENT = {
  clientId: "portail-aect-demo",
  clientSecret: "secret-de-demonstration-proconnect-local",
};

const CLAIMS = [
  "given_name",
  "usual_name",
  "email",
  "uid",
  "siret",
  "organizational_unit",
  "phone",
];

const htmlText = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

const page = (title: string, body: string) => `<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>${htmlText(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: sans-serif; max-width: 40rem; margin: 2rem auto">
<main><h1>${htmlText(title)}</h1>
<p><strong>Fournisseur d'identité de test</strong> : il remplace ProConnect sur ce poste ; les personnes sont fictives.</p>
${body}</main></body></html>`;

async function formBody(request: IncomingMessage) {
  let text = "";
  for await (const chunk of request) {
    text += chunk;
    if (text.length > 10_000) break;
  }
  return new URLSearchParams(text);
}

/**
 * Starts the provider on a free loopback port (or `port`). The portal's addresses are given
 * once known (`allowPortal`): tests start the provider first, then the portal with its issuer.
 */
export async function startProConnectProvider(identities: TestIdentity[], port = 0) {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), alg: "RS256", use: "sig", kid: "test" };
  const byLogin = new Map(identities.map((identity) => [identity.sub, identity]));

  function allowPortal(portalUrl: string) {
    const configuration: Configuration = {
      clients: [
        {
          client_id: DEMO_CLIENT.clientId,
          client_secret: DEMO_CLIENT.clientSecret,
          redirect_uris: [`${portalUrl}/connexion/proconnect/retour`],
          post_logout_redirect_uris: [`${portalUrl}/?deconnecte=1`],
          token_endpoint_auth_method: "client_secret_post",
          // As ProConnect does: the UserInfo answer is a signed JWT.
          userinfo_signed_response_alg: "RS256",
          grant_types: ["authorization_code"],
          response_types: ["code"],
        },
      ],
      jwks: { keys: [jwk] },
      cookies: { keys: ["cle-de-test-du-fournisseur-proconnect"] },
      pkce: { required: () => true },
      ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
      scopes: ["openid", ...CLAIMS],
      claims: { openid: ["sub"], ...Object.fromEntries(CLAIMS.map((claim) => [claim, [claim]])) },
      features: {
        devInteractions: { enabled: false },
        jwtUserinfo: { enabled: true },
        rpInitiatedLogout: {
          enabled: true,
          logoutSource: async (ctx: KoaContextWithOIDC, form: string) => {
            ctx.body = page(
              "Se déconnecter",
              `${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Se déconnecter du fournisseur d'identité</button>`,
            );
          },
        },
      },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      // An agent of the State consents once and for all to the portal, as with ProConnect.
      loadExistingGrant: async (ctx) => {
        const grantId =
          ctx.oidc.result?.consent?.grantId ??
          ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
        if (grantId) return ctx.oidc.provider.Grant.find(grantId);
        const grant = new ctx.oidc.provider.Grant({
          clientId: ctx.oidc.client!.clientId,
          accountId: ctx.oidc.session!.accountId,
        });
        grant.addOIDCScope(["openid", ...CLAIMS].join(" "));
        await grant.save();
        return grant;
      },
      findAccount: async (_ctx, id) => {
        const identity = byLogin.get(id);
        if (!identity) return undefined;
        return {
          accountId: id,
          claims: async () => {
            const { label: _label, ...claims } = identity;
            return claims;
          },
        };
      },
    };
    const provider = new Provider(issuer, configuration);
    const callback = provider.callback();
    server.removeAllListeners("request");
    server.on("request", async (request, response) => {
      const url = new URL(request.url ?? "/", issuer);
      const interaction = /^\/interaction\/([\w-]+)(\/login)?$/.exec(url.pathname);
      if (!interaction) return callback(request, response);
      try {
        const details = await provider.interactionDetails(request, response);
        if (request.method === "POST" && interaction[2]) {
          const login = (await formBody(request)).get("login") ?? "";
          await provider.interactionFinished(
            request,
            response,
            byLogin.has(login)
              ? { login: { accountId: login } }
              : { error: "access_denied", error_description: "Identité inconnue" },
            { mergeWithLastSubmission: false },
          );
          return;
        }
        const choices = identities
          .map(
            (identity, index) =>
              `<p><input type="radio" name="login" id="identite-${index}" value="${htmlText(identity.sub)}"${index === 0 ? " checked" : ""}> <label for="identite-${index}">${htmlText(identity.label)}</label></p>`,
          )
          .join("");
        response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        response.end(
          page(
            "Se connecter avec ProConnect",
            `<form method="post" action="/interaction/${htmlText(details.uid)}/login"><fieldset><legend>Choisissez une identité</legend>${choices}</fieldset><button type="submit">Continuer</button></form>`,
          ),
        );
      } catch {
        response.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" });
        response.end("Interaction inconnue ou expirée.");
      }
    });
    return provider;
  }

  return {
    issuer,
    ...DEMO_CLIENT,
    allowPortal,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
