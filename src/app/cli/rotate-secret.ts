import { rotateTotpSecrets } from '../../modules/users';
import { EXIT, println, type Command } from './io';
import { withApp } from './with-app';

export const ROTATE_SECRET_USAGE = `Usage: HELDER_OLD_SECRET=… HELDER_SECRET=… helder rotate-secret

Re-encrypts every TOTP secret from the old server secret to the new one, in one transaction: all or
nothing. The new secret is HELDER_SECRET (required, at least 32 characters). The old one is
HELDER_OLD_SECRET, or, when that is unset, the installation secret in the database (a Helder that
ran without HELDER_SECRET). Stop every app server first, run this, then start them all with the new
HELDER_SECRET (docs/editor.md, "Key rotation").
Exit code 0 when done, 1 when a secret does not open with the old secret (nothing changed), 2 on wrong usage.`;

/** `helder rotate-secret`: re-seals what is encrypted at rest under a new server secret. */
export const rotateSecretCommand: Command = {
  name: 'rotate-secret',
  summary: 'move encrypted TOTP secrets to a new HELDER_SECRET (all or nothing)',
  usage: ROTATE_SECRET_USAGE,
  run: async (args, io) => {
    const to = io.env.HELDER_SECRET;
    if (args.length > 0 || !to) {
      println(io.stderr, args.length > 0 ? `helder rotate-secret: unexpected argument ${args[0]}` : 'helder rotate-secret: set HELDER_SECRET to the new server secret');
      println(io.stderr, ROTATE_SECRET_USAGE);
      return EXIT.usage;
    }
    const from = io.env.HELDER_OLD_SECRET || undefined;
    if (from === to) {
      println(io.stderr, 'helder rotate-secret: HELDER_OLD_SECRET and HELDER_SECRET are the same');
      return EXIT.usage;
    }
    return withApp(
      io,
      async (app) => {
        const { resealed } = await rotateTotpSecrets(app.deps, from, to);
        println(io.stdout, `Re-encrypted ${resealed} TOTP secret(s) under the new HELDER_SECRET${from ? '' : ' (they were under the installation secret)'}.`);
        println(io.stdout, 'Start every app server with the new HELDER_SECRET now; forms opened before (polls, reactions, subscriptions) ask to be sent again.');
        return EXIT.ok;
      },
      { existing: true },
    );
  },
};
