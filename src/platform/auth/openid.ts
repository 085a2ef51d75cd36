import * as client from "openid-client";

/**
 * The portal as a client of an OpenID Connect provider (ProConnect, the State's identity
 * federation for professionals): authorization-code flow with PKCE, state and nonce,
 * through openid-client. The provider's metadata is discovered on first use, not at start:
 * a provider briefly unreachable does not keep the portal from starting.
 */
export interface OpenIdSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** What ProConnect asks for: the identity claims the portal uses. */
const SCOPES = "openid email given_name usual_name uid siret organizational_unit phone";

/** Only a provider on this machine (tests, a local demo) may be reached without HTTPS. */
const isLoopback = (url: URL) =>
  url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);

/** The identity as the provider asserts it, once the callback is checked. */
export interface FederatedIdentity {
  subject: string;
  claims: Record<string, unknown>;
  idToken: string;
}

/** The checks kept between the redirection to the provider and its callback. */
export interface PendingChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export function openIdClient(settings: OpenIdSettings) {
  let configuration: Promise<client.Configuration> | undefined;
  const configured = () => {
    configuration ??= client
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        settings.clientSecret,
        undefined,
        isLoopback(new URL(settings.issuer)) ? { execute: [client.allowInsecureRequests] } : {},
      )
      .catch((error) => {
        // Discovery is tried again on the next sign-in.
        configuration = undefined;
        throw error;
      });
    return configuration;
  };

  return {
    /** New random checks for one sign-in. */
    newChecks(): PendingChecks {
      return {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
      };
    },

    /** Where the browser is sent to sign in at the provider. */
    async authorizationUrl(checks: PendingChecks, redirectUri: string) {
      return client.buildAuthorizationUrl(await configured(), {
        redirect_uri: redirectUri,
        scope: SCOPES,
        state: checks.state,
        nonce: checks.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
        code_challenge_method: "S256",
      });
    },

    /**
     * The callback: the code is exchanged (PKCE), the ID token's signature, issuer,
     * audience, nonce and the state are checked by openid-client; the identity claims are
     * read from the UserInfo endpoint, as ProConnect serves them.
     */
    async identityFrom(callbackUrl: URL, checks: PendingChecks): Promise<FederatedIdentity> {
      const config = await configured();
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims || !tokens.id_token) throw new Error("ID token missing");
      const userInfo = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      return {
        subject: idClaims.sub,
        claims: { ...idClaims, ...userInfo },
        idToken: tokens.id_token,
      };
    },

    /** Signing out of the portal also ends the provider's session. */
    async endSessionUrl(idToken: string, postLogoutRedirectUri: string) {
      const config = await configured();
      if (!config.serverMetadata().end_session_endpoint) return null;
      return client.buildEndSessionUrl(config, {
        id_token_hint: idToken,
        post_logout_redirect_uri: postLogoutRedirectUri,
      });
    },
  };
}

export type OpenIdClient = ReturnType<typeof openIdClient>;

/** The client of this configuration, made once per process. */
const clients = new Map<string, OpenIdClient>();
export function openIdClientFor(settings: OpenIdSettings): OpenIdClient {
  const key = `${settings.issuer} ${settings.clientId}`;
  let made = clients.get(key);
  if (!made) {
    made = openIdClient(settings);
    clients.set(key, made);
  }
  return made;
}
