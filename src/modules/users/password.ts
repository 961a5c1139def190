import { hash, verify, type Algorithm } from '@node-rs/argon2';

/**
 * argon2id with the parameters of the OWASP Password Storage Cheat Sheet (m = 19 MiB, t = 2, p = 1):
 * memory-hard, so guessing on GPUs is expensive; the PHC string keeps the parameters, so they can be
 * raised later without breaking stored hashes.
 */
const OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export const verifyPassword = async (stored: string, password: string): Promise<boolean> => {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
};

let dummy: Promise<string> | undefined;

/**
 * Verifies against a hash of nothing in particular: a login for an unknown e-mail address costs the
 * same argon2 work as one for a known address, so the response time does not tell which exist.
 */
export const verifyDummyPassword = async (password: string): Promise<false> => {
  dummy ??= hashPassword('helder-dummy-password-for-unknown-users');
  await verifyPassword(await dummy, password);
  return false;
};
