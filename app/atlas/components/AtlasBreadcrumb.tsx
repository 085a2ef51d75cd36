import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";

/** The DSFR breadcrumb of Atlas pages: Accueil › Atlas › … › current page. */
export function AtlasBreadcrumb(props: {
  current: string;
  segments?: { label: string; href: string }[];
}) {
  return (
    <Breadcrumb
      currentPageLabel={props.current}
      homeLinkProps={{ href: "/" }}
      segments={[
        { label: "Atlas", linkProps: { href: "/atlas/projets" } },
        ...(props.segments ?? []).map((segment) => ({
          label: segment.label,
          linkProps: { href: segment.href },
        })),
      ]}
    />
  );
}
