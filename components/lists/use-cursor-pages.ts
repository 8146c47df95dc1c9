"use client";

import { useState } from "react";

/**
 * Keyset paging in the browser: the cursors of the pages seen so far, so "Previous" goes back
 * without the server knowing offsets. Changing the filters starts again from the first page.
 */
export function useCursorPages<F>(filters: F) {
  const key = JSON.stringify(filters);
  const [state, setState] = useState<{ key: string; cursors: (string | undefined)[] }>({ key, cursors: [undefined] });
  const cursors = state.key === key ? state.cursors : [undefined];
  const page = cursors.length - 1;

  return {
    cursor: cursors[page],
    page,
    next: (cursor: string) => setState({ key, cursors: [...cursors, cursor] }),
    previous: () => setState({ key, cursors: cursors.slice(0, -1) }),
    first: () => setState({ key, cursors: [undefined] }),
  };
}
