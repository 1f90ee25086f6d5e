import { useEffect, useRef } from 'react';

/**
 * "Vis flere" disappears or is disabled while the next page loads, and the browser would
 * drop keyboard focus to the top of the page. This moves it to the first newly loaded
 * letter's link instead, once it is there. `count` is the number of rows now in the list.
 */
export function useFocusFirstNew(count: number, fetchMore: () => void) {
  const listRef = useRef<HTMLUListElement>(null);
  const firstNew = useRef<number | undefined>(undefined);

  useEffect(() => {
    const index = firstNew.current;
    if (index === undefined || count <= index) return;
    firstNew.current = undefined;
    listRef.current?.children[index]?.querySelector<HTMLElement>('a')?.focus();
  }, [count]);

  const loadMore = () => {
    firstNew.current = count;
    fetchMore();
  };
  return { listRef, loadMore };
}
