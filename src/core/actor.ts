/**
 * Who performs a use case. Recorded in every audit entry; policies (issue 5) decide with it.
 * `id` is stable (`user:<uuid>`, `system:cli`, `system:seed`), `label` is for people reading the log.
 * `roles` is present for people who logged in (or use an API token): their roles per organization.
 * A system actor has none; it acts on behalf of the installation (CLI, seed), outside the web.
 */
export interface Actor {
  id: string;
  label: string;
  roles?: readonly ActorRole[];
}

/** One role of an actor in one organization (the role names live in the users module). */
export interface ActorRole {
  organizationId: string;
  role: string;
}

export const systemActor = (name: string): Actor => ({ id: `system:${name}`, label: name });
