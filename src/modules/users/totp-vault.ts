import { AppError } from '../../core';
import { findInstallationSecret, inTransaction, installationSecret, type Deps } from '../../storage';
import { deriveKey, isSealed, open, seal } from './secret-box';
import { selectTotpSecrets, updateUserRow } from './user.repository';

/**
 * TOTP secrets at rest (issue 9): sealed with AES-256-GCM under a key derived from the server
 * secret — HELDER_SECRET when set (`deps.secret`), else the installation secret kept in the
 * database — and bound to the user's id. Rotating the server secret re-seals them all
 * (`rotateTotpSecrets`, `helder rotate-secret`; docs/editor.md).
 */
const PURPOSE = 'totp-secret';
const contextOf = (userId: string) => `totp:${userId}`;

type VaultDeps = Pick<Deps, 'db' | 'clock' | 'secret'>;

/** The key to seal with (creates the installation secret on first use when HELDER_SECRET is not set). */
export const totpSealingKey = async (deps: VaultDeps): Promise<Buffer> => deriveKey(deps.secret ?? (await installationSecret(deps.db, deps.clock.now())), PURPOSE);

export const sealTotpSecret = (key: Buffer, userId: string, secret: string): string => seal(key, secret, contextOf(userId));

const undecryptable = () =>
  new AppError('internal', 'a TOTP secret does not open with this server secret: was HELDER_SECRET changed without `helder rotate-secret`? (docs/editor.md)');

/**
 * The plain TOTP secret of a stored value. A value from before encryption at rest is still plain:
 * it is returned as it is (and sealed at the next start, `sealPlainTotpSecrets`). Throws `internal`
 * when the value does not open (another server secret, or altered).
 */
export const revealTotpSecret = async (deps: Pick<VaultDeps, 'db' | 'secret'>, userId: string, stored: string): Promise<string> => {
  if (!isSealed(stored)) return stored;
  const server = deps.secret ?? (await findInstallationSecret(deps.db));
  const plain = server === undefined ? undefined : open(deriveKey(server, PURPOSE), stored, contextOf(userId));
  if (plain === undefined) throw undecryptable();
  return plain;
};

/** Seals every TOTP secret still stored in plain text (from before encryption at rest); the number sealed. Run at every start. */
export const sealPlainTotpSecrets = async (deps: VaultDeps): Promise<number> => {
  const plain = (await selectTotpSecrets(deps.db)).filter((r) => !isSealed(r.secret));
  if (plain.length === 0) return 0;
  const key = await totpSealingKey(deps);
  await inTransaction(deps.db, async (db) => {
    for (const row of plain) await updateUserRow(db, row.id, { totp_secret: sealTotpSecret(key, row.id, row.secret) });
  });
  return plain.length;
};

/**
 * Re-seals every TOTP secret from the old server secret to the new one, in one transaction: all or
 * nothing. `from` undefined means the installation secret in the database (before HELDER_SECRET was
 * set). Plain values are sealed too. Throws `invalid_state` (nothing written) when any value does
 * not open with the old secret.
 */
export const rotateTotpSecrets = async (deps: Pick<Deps, 'db'>, from: string | undefined, to: string): Promise<{ resealed: number }> => {
  const old = from ?? (await findInstallationSecret(deps.db));
  const [oldKey, newKey] = [old === undefined ? undefined : deriveKey(old, PURPOSE), deriveKey(to, PURPOSE)];
  return inTransaction(deps.db, async (db) => {
    const rows = await selectTotpSecrets(db);
    const opened = rows.map((r) => ({ id: r.id, plain: isSealed(r.secret) ? (oldKey && open(oldKey, r.secret, contextOf(r.id))) : r.secret }));
    const failed = opened.filter((r) => r.plain === undefined).length;
    if (failed > 0) throw new AppError('invalid_state', `${failed} of ${rows.length} TOTP secrets do not open with the old server secret: nothing changed`);
    for (const r of opened) await updateUserRow(db, r.id, { totp_secret: sealTotpSecret(newKey, r.id, r.plain!) });
    return { resealed: rows.length };
  });
};
