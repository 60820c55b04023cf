import type { Gate } from '../schemas';
import type { FieldPair, KindDescriptor } from './descriptor';
import { excerpt, orMissing, present } from './text';

/** A milestone and its go/no-go gates; one no-go blocks it. */
export const milestone: KindDescriptor<'milestone'> = {
  label: 'Milestone',
  text: (entry) => String(entry.item.title ?? entry.id),
  summary: ({ item }) => [...present(item.due && `due ${item.due}`), ...gateSummary(item.gates ?? []), excerpt(orMissing(item.title, 'title'))],
  // A no-go blocks the milestone: it is the one thing worth a lens's few words; else when it is due.
  state: ({ item }) => {
    const noGo = (item.gates ?? []).filter((gate) => gate.call === 'no-go').length;
    return noGo > 0 ? [`${noGo} no-go`] : present(item.due && `due ${item.due}`);
  },
  quote: ({ item }) => item.title,
  fields: ({ item }) => [
    ['Due', item.due],
    ...(item.gates ?? []).map(gateField),
    ['Validates', item.validates?.join(', ')],
    ['Feature', item.feature],
  ],
};

/** "1 no-go, 1 pending, 1 go": the vetoes first, since one no-go blocks the milestone. */
function gateSummary(gates: readonly { call: string }[]): string[] {
  if (gates.length === 0) return [];
  const counts = ['no-go', 'pending', 'go'].map((call) => [call, gates.filter((gate) => gate.call === call).length] as const);
  return [`gates ${counts.filter(([, count]) => count > 0).map(([call, count]) => `${count} ${call}`).join(', ')}`];
}

/** "Gate: Security (Ingrid Solberg)" with "no-go — the reason". */
function gateField(gate: Gate): FieldPair {
  return [`Gate: ${gate.role}${gate.who ? ` (${gate.who})` : ''}`, `${gate.call}${gate.reason ? ` — ${gate.reason}` : ''}`];
}
