import { Pagination } from "@codegouvfr/react-dsfr/Pagination";

/** DSFR pagination keeping the other query parameters of the page. */
export function Pager(props: {
  page: number;
  pageCount: number;
  basePath: string;
  query?: Record<string, string> | URLSearchParams;
}) {
  if (props.pageCount <= 1) return null;
  const href = (page: number) => {
    const params = new URLSearchParams(props.query);
    params.set("page", String(page));
    return `${props.basePath}?${params.toString()}`;
  };
  return (
    <Pagination
      count={props.pageCount}
      defaultPage={props.page}
      getPageLinkProps={(page) => ({ href: href(page) })}
      showFirstLast
    />
  );
}

/** Reads a page number from the URL; anything unusable is page 1. */
export function pageParam(url: URL): number {
  const value = Number(url.searchParams.get("page"));
  return Number.isInteger(value) && value > 0 && value < 100_000 ? value : 1;
}
