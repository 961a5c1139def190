/**
 * Who performs a use case. Recorded in every audit entry; policies (issue 5) decide with it.
 * `id` is stable (`user:<uuid>`, `system:cli`, `system:seed`), `label` is for people reading the log.
 */
export interface Actor {
  id: string;
  label: string;
}

export const systemActor = (name: string): Actor => ({ id: `system:${name}`, label: name });
