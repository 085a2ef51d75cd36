/** Beyond this many results, a search is shown by country colours only, not as points. */
export const MAX_SEARCH_POINTS = 5_000;
