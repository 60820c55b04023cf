// The `paths` patterns an item lists itself: what the path index, the glob check and the editor's
// ahead-of-time compile read, in one place.
import type { LoadedItem } from './load';

/** The item's own `paths` (features, requests, risks, …); none for a kind without them. */
export function ownPaths(entry: LoadedItem): readonly string[] {
  return (entry.item as { paths?: readonly string[] }).paths ?? [];
}
