// The demo sellers whose stalls the demo catalog stocks: the users subgraph seeds them with these fixed ids, and the
// catalog points at them by id, as federation does (no subgraph reads another's code or tables).
export const demoSellerIds = {
  rosa: '6f1c7a1e-0000-4000-8000-000000000011',
  pedro: '6f1c7a1e-0000-4000-8000-000000000012',
  lucia: '6f1c7a1e-0000-4000-8000-000000000013',
} as const;
