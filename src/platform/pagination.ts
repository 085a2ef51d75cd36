/** Offset pagination of administration lists: 50 rows a page, page 1 for anything below. */
export const PAGE_SIZE = 50;

export function pageWindow(requested: number | undefined, size = PAGE_SIZE) {
  const page = Math.max(1, requested ?? 1);
  return { page, limit: size, offset: (page - 1) * size };
}

export function pageOf<T>(rows: T[], total: number, page: number) {
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}
