import { type RouteConfig, index, layout, route } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("connexion", "routes/auth/sign-in.tsx"),
  route("deconnexion", "routes/auth/sign-out.tsx"),
  route("mot-de-passe/oubli", "routes/auth/forgot-password.tsx"),
  route("mot-de-passe/nouveau/:token", "routes/auth/reset-password.tsx"),
  route("invitation/:token", "routes/auth/accept-invitation.tsx"),
  route("compte", "routes/account/account.tsx"),
  route("organisations/:organisationId/membres", "routes/account/members.tsx"),
  layout("routes/admin/layout.tsx", [
    route("admin", "routes/admin/index.tsx"),
    route("admin/utilisateurs", "routes/admin/users.tsx"),
    route("admin/organisations", "routes/admin/organisations.tsx"),
    route("admin/courriels", "routes/admin/outbox.tsx"),
    route("admin/courriels/:mailId", "routes/admin/outbox-mail.tsx"),
    route("admin/journal", "routes/admin/audit.tsx"),
  ]),
  route("atlas/projets", "routes/atlas/projects.tsx"),
  route("api/v1/stats/continents", "routes/api/stats-continents.ts"),
  route("api/v1/projects", "routes/api/projects.ts"),
  route("api/v1/projects/export", "routes/api/projects-export.ts"),
  route("accessibilite", "routes/legal/accessibility.tsx"),
  route("mentions-legales", "routes/legal/legal-notice.tsx"),
  route("donnees-personnelles", "routes/legal/personal-data.tsx"),
  route("plan-du-site", "routes/legal/site-map.tsx"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
